using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Repository.Journal;

/// <summary>A repository-backed instance was created or replaced; <paramref name="Instance"/> is the frozen stored copy.</summary>
public sealed record InstanceSaved(string Namespace, CimInstance Instance) : RepositoryChange(Namespace);
