using System.Collections.Concurrent;
using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Repository;

/// <summary>
/// The stored instances of one namespace: per class a concurrent map from store key (typed key values, see
/// <see cref="InstanceKeys"/>) to the frozen instance, plus the association reverse index. Reads are lock-free;
/// the owning <see cref="CimNamespace"/> serializes writes.
/// </summary>
internal sealed class InstanceStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<object, CimInstance>> _byClass = new(StringComparer.OrdinalIgnoreCase);
    private int _count;

    public ReferenceIndex References { get; } = new();

    public int Count => Volatile.Read(ref _count);

    public CimInstance? Find(string className, object key) =>
        _byClass.TryGetValue(className, out var items) && items.TryGetValue(key, out var instance) ? instance : null;

    /// <summary>Streams one class's instances (not subclasses'); safe while writers run, never copies the set.</summary>
    public IEnumerable<CimInstance> Enumerate(string className)
    {
        if (!_byClass.TryGetValue(className, out var items))
            yield break;
        foreach (var pair in items)
            yield return pair.Value;
    }

    public int CountOf(string className) => _byClass.TryGetValue(className, out var items) ? items.Count : 0;

    /// <summary>Names of the classes that hold at least one instance.</summary>
    public IEnumerable<string> ClassesWithInstances()
    {
        foreach (var pair in _byClass)
        {
            if (!pair.Value.IsEmpty)
                yield return pair.Key;
        }
    }

    public bool TryAdd(object key, CimInstance instance, string @namespace)
    {
        var items = _byClass.GetOrAdd(instance.ClassName, static _ => new ConcurrentDictionary<object, CimInstance>(InstanceKeys.Comparer));
        if (!items.TryAdd(key, instance))
            return false;
        Interlocked.Increment(ref _count);
        References.Add(instance, key, @namespace);
        return true;
    }

    /// <summary>Replaces a stored instance; returns the previous one, or null when there was none (nothing stored then).</summary>
    public CimInstance? Replace(object key, CimInstance instance, string @namespace)
    {
        if (!_byClass.TryGetValue(instance.ClassName, out var items) || !items.TryGetValue(key, out var previous))
            return null;
        items[key] = instance;
        References.Remove(previous, key, @namespace);
        References.Add(instance, key, @namespace);
        return previous;
    }

    public CimInstance? Remove(string className, object key, string @namespace)
    {
        if (!_byClass.TryGetValue(className, out var items) || !items.TryRemove(key, out var removed))
            return null;
        Interlocked.Decrement(ref _count);
        References.Remove(removed, key, @namespace);
        return removed;
    }

    /// <summary>Drops the (empty) map of a class that no longer exists.</summary>
    public void DropEmpty(string className)
    {
        if (_byClass.TryGetValue(className, out var items) && items.IsEmpty)
            _byClass.TryRemove(className, out _);
    }

    public IEnumerable<string> ClassNames() => _byClass.Keys;
}
