using System.Collections.Concurrent;
using System.Collections.Immutable;
using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Repository;

/// <summary>
/// Reverse index of one namespace's association instances: referenced object (path canonical form) to
/// the association instances that refer to it. Written under the namespace's write lock; read without
/// locks (immutable sets swapped in).
/// </summary>
internal sealed class ReferenceIndex
{
    private readonly ConcurrentDictionary<string, ImmutableHashSet<Referrer>> _byTarget = new(StringComparer.Ordinal);

    public void Add(CimInstance association, object instanceKey, string @namespace)
    {
        foreach (var (role, target) in References(association))
        {
            var key = TargetKey(target, @namespace);
            var entry = new Referrer(association.ClassName, instanceKey, role);
            _byTarget[key] = _byTarget.TryGetValue(key, out var set) ? set.Add(entry) : [entry];
        }
    }

    public void Remove(CimInstance association, object instanceKey, string @namespace)
    {
        foreach (var (role, target) in References(association))
        {
            var key = TargetKey(target, @namespace);
            if (!_byTarget.TryGetValue(key, out var set))
                continue;
            set = set.Remove(new Referrer(association.ClassName, instanceKey, role));
            if (set.IsEmpty)
                _byTarget.TryRemove(key, out _);
            else
                _byTarget[key] = set;
        }
    }

    public ImmutableHashSet<Referrer> Find(string targetKey) => _byTarget.GetValueOrDefault(targetKey) ?? [];

    /// <summary>Index key of a referenced object: canonical form, without namespace when it is this namespace.</summary>
    public static string TargetKey(CimObjectPath target, string @namespace) =>
        target.Namespace is null || string.Equals(target.Namespace, @namespace, StringComparison.OrdinalIgnoreCase)
            ? InstanceKeys.CanonicalKeyOf(target)
            : target.WithHost(null).CanonicalForm;

    /// <summary>The non-null reference values of an instance with the property (role) holding each.</summary>
    public static IEnumerable<(string Role, CimObjectPath Target)> References(CimInstance instance)
    {
        if (!instance.Class.IsAssociation)
            yield break;
        foreach (var (property, value) in instance.Properties)
        {
            if (!property.DataType.IsReference)
                continue;
            if (value is CimObjectPath path)
            {
                yield return (property.Name, path);
            }
            else if (value is CimObjectPath?[] paths)
            {
                foreach (var p in paths)
                {
                    if (p is not null)
                        yield return (property.Name, p);
                }
            }
        }
    }
}
