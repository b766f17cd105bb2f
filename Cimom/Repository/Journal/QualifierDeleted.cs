namespace CimCloud.Cimom.Repository.Journal;

/// <summary>A qualifier declaration was removed.</summary>
public sealed record QualifierDeleted(string Namespace, string Name) : RepositoryChange(Namespace);
