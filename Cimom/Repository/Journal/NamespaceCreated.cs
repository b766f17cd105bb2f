namespace CimCloud.Cimom.Repository.Journal;

/// <summary>A namespace was created (empty, with the standard qualifier declarations).</summary>
public sealed record NamespaceCreated(string Namespace) : RepositoryChange(Namespace);
