using System.Collections.Concurrent;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Repository.Journal;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Repository;

/// <summary>
/// The in-memory CIM repository: a case-insensitive map of namespaces. Thread-safe; lookups never block.
/// Creating and deleting namespaces is serialized by one lock (rare operations).
/// </summary>
public sealed class CimRepository
{
    private readonly ConcurrentDictionary<string, CimNamespace> _namespaces = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private volatile IRepositoryJournal? _journal;

    /// <summary>The journal client changes go to (null: in memory only). See <see cref="AttachJournal"/>.</summary>
    public IRepositoryJournal? Journal => _journal;

    /// <summary>
    /// From now on every change — namespaces, qualifier declarations, classes, repository-backed instances — is written
    /// to <paramref name="journal"/> before it is applied (see <see cref="IRepositoryJournal"/>). Attach after the
    /// startup MOF was compiled and the store replayed, so only what clients change is journaled.
    /// </summary>
    public void AttachJournal(IRepositoryJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        lock (_gate)
            _journal = journal;
    }

    /// <summary>Namespace names (normalized, as first created), sorted.</summary>
    public IReadOnlyList<string> NamespaceNames =>
        _namespaces.Values.Select(n => n.Name).Order(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Creates an empty namespace (standard qualifier types only). AlreadyExists when present.</summary>
    public CimNamespace CreateNamespace(string name)
    {
        var normalized = Normalize(name);
        lock (_gate)
        {
            var created = new CimNamespace(normalized, CimSchema.Standard, this);
            if (_namespaces.ContainsKey(normalized))
                throw new CimException(CimStatusCode.AlreadyExists, $"namespace {normalized} already exists");
            _journal?.Write([new NamespaceCreated(normalized)]);
            _namespaces[normalized] = created;
            return created;
        }
    }

    public CimNamespace? FindNamespace(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = CimObjectPath.NormalizeNamespace(name);
        return _namespaces.GetValueOrDefault(normalized)
            ?? (_aliases.TryGetValue(normalized, out var target) ? _namespaces.GetValueOrDefault(target) : null);
    }

    /// <summary>
    /// Makes <paramref name="alias"/> another name of the namespace <paramref name="target"/> (e.g. <c>interop</c> for
    /// <c>root/interop</c>): lookups by the alias find the target; results carry the target's name.
    /// </summary>
    public void AddNamespaceAlias(string alias, string target) => _aliases[Normalize(alias)] = Normalize(target);

    /// <summary>The namespace or a CimException(InvalidNamespace).</summary>
    public CimNamespace GetNamespace(string name) =>
        FindNamespace(name) ?? throw new CimException(CimStatusCode.InvalidNamespace, $"namespace {name} does not exist");

    public CimNamespace GetOrCreateNamespace(string name)
    {
        var existing = FindNamespace(name);
        if (existing is not null)
            return existing;
        var normalized = Normalize(name);
        lock (_gate)
        {
            if (_namespaces.TryGetValue(normalized, out existing))
                return existing;
            var created = new CimNamespace(normalized, CimSchema.Standard, this);
            _journal?.Write([new NamespaceCreated(normalized)]);
            _namespaces[normalized] = created;
            return created;
        }
    }

    /// <summary>Deletes a namespace that holds no class and no instance (NamespaceNotEmpty otherwise).</summary>
    public void DeleteNamespace(string name)
    {
        var ns = GetNamespace(name);
        lock (_gate)
        {
            ns.MarkDeleted(_journal);
            _namespaces.TryRemove(new KeyValuePair<string, CimNamespace>(ns.Name, ns));
        }
    }

    private static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!CimNamespaceNames.IsValid(name, out var why))
            throw new CimException(CimStatusCode.InvalidParameter, $"invalid namespace name '{name}': {why}");
        return CimObjectPath.NormalizeNamespace(name);
    }
}
