using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Repository.Journal;

/// <summary>A repository-backed instance was deleted; <paramref name="Path"/> is the path of the stored instance (its own class).</summary>
public sealed record InstanceDeleted(string Namespace, CimObjectPath Path) : RepositoryChange(Namespace);
