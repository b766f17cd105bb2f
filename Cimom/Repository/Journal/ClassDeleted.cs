namespace CimCloud.Cimom.Repository.Journal;

/// <summary>A class was removed.</summary>
public sealed record ClassDeleted(string Namespace, string Name) : RepositoryChange(Namespace);
