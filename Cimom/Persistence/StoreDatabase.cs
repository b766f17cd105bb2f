namespace CimCloud.Cimom.Persistence;

/// <summary>The SQL of the store file (format version <see cref="FormatVersion"/>).</summary>
internal static class StoreDatabase
{
    public const string FileName = "repository.db";

    public const string LockFileName = "repository.lock";

    public const string FormatVersion = "1";

    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS objects(
            kind INTEGER NOT NULL,
            ns_key TEXT NOT NULL,
            obj_key TEXT NOT NULL,
            ns TEXT NOT NULL,
            name TEXT NOT NULL,
            mof TEXT,
            seq INTEGER NOT NULL,
            PRIMARY KEY(kind, ns_key, obj_key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS objects_by_seq ON objects(seq);
        INSERT OR IGNORE INTO meta(key, value) VALUES('format', '1');
        """;

    /// <summary>
    /// Saves a row. A present object that is saved again keeps its sequence number (the one of the change that made it
    /// exist), so replaying rows in sequence order recreates things before what was built on them; a deletion, or a
    /// save after a deletion, takes the new number.
    /// </summary>
    public const string Upsert = """
        INSERT INTO objects(kind, ns_key, obj_key, ns, name, mof, seq) VALUES($kind, $nsKey, $objKey, $ns, $name, $mof, $seq)
        ON CONFLICT(kind, ns_key, obj_key) DO UPDATE SET
            ns = excluded.ns, name = excluded.name, mof = excluded.mof,
            seq = CASE WHEN objects.mof IS NULL OR excluded.mof IS NULL THEN excluded.seq ELSE objects.seq END;
        """;

    public const string SelectAll = "SELECT kind, ns_key, obj_key, ns, name, mof, seq FROM objects ORDER BY seq, kind";

    public const string SelectMaxSequence = "SELECT COALESCE(MAX(seq), 0) FROM objects";

    public const string SelectFormat = "SELECT value FROM meta WHERE key = 'format'";
}
