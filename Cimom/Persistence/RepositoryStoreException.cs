namespace CimCloud.Cimom.Persistence;

/// <summary>The store cannot be opened, read or replayed (locked by another server, corrupt, unreadable, or a stored change no longer applies).</summary>
public sealed class RepositoryStoreException : Exception
{
    public RepositoryStoreException(string message)
        : base(message)
    {
    }

    public RepositoryStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
