namespace CimCloud.Cimom.Repository.Journal;

/// <summary>An (empty) namespace was deleted.</summary>
public sealed record NamespaceDeleted(string Namespace) : RepositoryChange(Namespace);
