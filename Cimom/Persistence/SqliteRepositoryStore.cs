using CimCloud.Cimom.Model;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Repository.Journal;
using Microsoft.Data.Sqlite;

namespace CimCloud.Cimom.Persistence;

/// <summary>
/// The durable store of what clients change in the repository: <c>DIR/repository.db</c>, SQLite in WAL mode with
/// <c>synchronous=FULL</c>, one row per changed namespace, qualifier declaration, class or instance holding its latest
/// state as MOF text (or a tombstone). It is the repository's <see cref="IRepositoryJournal"/>: each
/// <see cref="Write"/> is one transaction, committed (fsynced) before it returns. <c>DIR/repository.lock</c> is held
/// exclusively while the store is open, so two servers cannot share one directory.
/// </summary>
/// <remarks>
/// Start-up order: compile the start-up MOF into the repository, <see cref="Open"/> the store, <see cref="ReplayInto"/>
/// the repository (the stored changes win over the start-up MOF), then <see cref="CimRepository.AttachJournal"/>.
/// </remarks>
public sealed class SqliteRepositoryStore : IRepositoryJournal, IDisposable
{
    private readonly Lock _gate = new();
    private readonly FileStream _lockFile;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _upsert;
    private long _sequence;
    private bool _disposed;

    private SqliteRepositoryStore(string directory, FileStream lockFile, SqliteConnection connection)
    {
        Directory = directory;
        _lockFile = lockFile;
        _connection = connection;
        _upsert = connection.CreateCommand();
        _upsert.CommandText = StoreDatabase.Upsert;
        foreach (var name in new[] { "$kind", "$nsKey", "$objKey", "$ns", "$name", "$mof", "$seq" })
            _upsert.Parameters.Add(new SqliteParameter { ParameterName = name });
        _sequence = Scalar<long>(StoreDatabase.SelectMaxSequence);
    }

    /// <summary>The data directory.</summary>
    public string Directory { get; }

    /// <summary>The database file.</summary>
    public string DatabasePath => Path.Combine(Directory, StoreDatabase.FileName);

    /// <summary>Rows written so far (namespaces, qualifiers, classes, instances, tombstones included).</summary>
    public long RowCount => Scalar<long>("SELECT COUNT(*) FROM objects");

    /// <summary>
    /// Opens (creating when absent) the store in <paramref name="directory"/>. Throws <see cref="RepositoryStoreException"/>
    /// with a message for the operator when the directory is in use by another server, or the database is corrupt,
    /// unreadable or of an unknown format; nothing is ever wiped or recreated over an existing file.
    /// </summary>
    public static SqliteRepositoryStore Open(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        try
        {
            System.IO.Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RepositoryStoreException($"cannot create data directory {full}: {e.Message}", e);
        }

        var lockFile = LockDirectory(full);
        SqliteConnection? connection = null;
        try
        {
            connection = Connect(Path.Combine(full, StoreDatabase.FileName));
            return new SqliteRepositoryStore(full, lockFile, connection);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            lockFile.Dispose();
            throw e as RepositoryStoreException
                ?? new RepositoryStoreException($"cannot open {Path.Combine(full, StoreDatabase.FileName)}: {Describe(e)} (the file was left as it is)", e);
        }
        catch
        {
            connection?.Dispose();
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Applies every stored change to <paramref name="repository"/> in the order it was made (see <see cref="StoreReplayer"/>).
    /// Throws <see cref="RepositoryStoreException"/> naming the change when one cannot be read or no longer applies.
    /// </summary>
    public StoreReplayResult ReplayInto(CimRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        List<StoredRow> rows;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                rows = ReadRows();
            }
            catch (SqliteException e)
            {
                throw new RepositoryStoreException($"cannot read {DatabasePath}: {Describe(e)} (the file was left as it is)", e);
            }
        }

        return new StoreReplayer(repository, DatabasePath).Replay(rows);
    }

    /// <summary>Writes <paramref name="changes"/> in one transaction and returns once it is committed to disk.</summary>
    public void Write(IReadOnlyList<RepositoryChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
            return;
        var rows = new StoredRow[changes.Count];
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            for (var i = 0; i < rows.Length; i++)
                rows[i] = ChangeEncoder.Encode(changes[i], _sequence + 1 + i);
            try
            {
                using var transaction = _connection.BeginTransaction();
                _upsert.Transaction = transaction;
                foreach (var row in rows)
                {
                    _upsert.Parameters[0].Value = (int)row.Kind;
                    _upsert.Parameters[1].Value = row.NamespaceKey;
                    _upsert.Parameters[2].Value = row.ObjectKey;
                    _upsert.Parameters[3].Value = row.Namespace;
                    _upsert.Parameters[4].Value = row.Name;
                    _upsert.Parameters[5].Value = (object?)row.Mof ?? DBNull.Value;
                    _upsert.Parameters[6].Value = row.Sequence;
                    _upsert.ExecuteNonQuery();
                }

                transaction.Commit();
                _sequence += rows.Length;
            }
            catch (SqliteException e)
            {
                throw new CimException(CimStatusCode.Failed, $"the change could not be stored durably in {DatabasePath}: {Describe(e)}; nothing was changed");
            }
            finally
            {
                _upsert.Transaction = null;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _upsert.Dispose();
            _connection.Dispose();
            _lockFile.Dispose();
        }
    }

    private static FileStream LockDirectory(string directory)
    {
        var path = Path.Combine(directory, StoreDatabase.LockFileName);
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Unix); the OS releases it when the process dies.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new RepositoryStoreException($"data directory {directory} is in use by another server (cannot lock {path}: {e.Message})", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new RepositoryStoreException($"cannot lock {path}: {e.Message}", e);
        }
    }

    private static SqliteConnection Connect(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        try
        {
            Execute(connection, "PRAGMA journal_mode=WAL");
            Execute(connection, "PRAGMA synchronous=FULL");
            var check = ScalarOn<string>(connection, "PRAGMA quick_check");
            if (!string.Equals(check, "ok", StringComparison.OrdinalIgnoreCase))
                throw new RepositoryStoreException($"{databasePath} is damaged (integrity check: {check}); restore it from a backup (the file was left as it is)");
            Execute(connection, StoreDatabase.CreateTables);
            var format = ScalarOn<string>(connection, StoreDatabase.SelectFormat);
            if (!string.Equals(format, StoreDatabase.FormatVersion, StringComparison.Ordinal))
                throw new RepositoryStoreException($"{databasePath} has store format '{format}', this server reads format '{StoreDatabase.FormatVersion}' (the file was left as it is)");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private List<StoredRow> ReadRows()
    {
        var rows = new List<StoredRow>();
        using var command = _connection.CreateCommand();
        command.CommandText = StoreDatabase.SelectAll;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var kind = reader.GetInt32(0);
            if (!Enum.IsDefined((StoredObjectKind)kind))
                throw new RepositoryStoreException($"{DatabasePath}: row {reader.GetString(4)} has unknown kind {kind} (the file was left as it is)");
            rows.Add(new StoredRow((StoredObjectKind)kind, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt64(6)));
        }

        return rows;
    }

    private T Scalar<T>(string sql)
    {
        lock (_gate)
            return ScalarOn<T>(_connection, sql);
    }

    private static T ScalarOn<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Describe(Exception e) => e is SqliteException s ? $"{s.Message} (SQLite error {s.SqliteErrorCode})" : e.Message;
}
