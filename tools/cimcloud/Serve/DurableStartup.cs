using CimCloud.Cimom.Persistence;
using CimCloud.Cimom.Repository;

namespace CimCloud.Cli.Serve;

/// <summary>
/// <c>serve --data DIR</c>: opens the durable store, replays it over the repository that already holds the start-up
/// MOF, then attaches it as the repository's journal so every later client change is stored before it is answered.
/// </summary>
internal static class DurableStartup
{
    /// <summary>
    /// The open store (dispose it at shutdown), or null without a data directory. On failure prints a clear message,
    /// sets <paramref name="failed"/> and returns null; the database file is never touched then.
    /// </summary>
    public static SqliteRepositoryStore? Open(CimRepository repository, string? dataDirectory, TextWriter output, TextWriter error, out bool failed)
    {
        failed = false;
        if (string.IsNullOrEmpty(dataDirectory))
            return null;
        SqliteRepositoryStore? store = null;
        try
        {
            store = SqliteRepositoryStore.Open(dataDirectory);
            var replayed = store.ReplayInto(repository);
            repository.AttachJournal(store);
            output.WriteLine($"store {store.DatabasePath}: loaded {replayed}");
            return store;
        }
        catch (RepositoryStoreException e)
        {
            store?.Dispose();
            error.WriteLine($"cimcloud serve: --data {dataDirectory}: {e.Message}");
            failed = true;
            return null;
        }
    }
}
