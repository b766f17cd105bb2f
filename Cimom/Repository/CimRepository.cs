using System.Collections.Concurrent;
using CimCloud.Cimom.Model;
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

    /// <summary>Namespace names (normalized, as first created), sorted.</summary>
    public IReadOnlyList<string> NamespaceNames =>
        _namespaces.Values.Select(n => n.Name).Order(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Creates an empty namespace (standard qualifier types only). AlreadyExists when present.</summary>
    public CimNamespace CreateNamespace(string name)
    {
        var normalized = Normalize(name);
        lock (_gate)
        {
            var created = new CimNamespace(normalized, CimSchema.Standard);
            if (!_namespaces.TryAdd(normalized, created))
                throw new CimException(CimStatusCode.AlreadyExists, $"namespace {normalized} already exists");
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
            return _namespaces.GetOrAdd(normalized, static n => new CimNamespace(n, CimSchema.Standard));
    }

    /// <summary>Deletes a namespace that holds no class and no instance (NamespaceNotEmpty otherwise).</summary>
    public void DeleteNamespace(string name)
    {
        var ns = GetNamespace(name);
        lock (_gate)
        {
            ns.MarkDeleted();
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
