namespace CimCloud.Cimom.Repository.Journal;

/// <summary>One change to the repository, as the journal receives it. <see cref="Namespace"/> is the normalized namespace name.</summary>
public abstract record RepositoryChange(string Namespace);
