using System.Collections;

namespace CimCloud.Cimom.Model;

/// <summary>The resolved properties of a class, in slot order, with a case-insensitive name index.</summary>
public sealed class CimPropertyCollection : IReadOnlyList<CimProperty>
{
    private readonly CimProperty[] _items;
    private readonly Dictionary<string, int> _index;

    public static CimPropertyCollection Empty { get; } = new([]);

    public CimPropertyCollection(CimProperty[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items;
        _index = new Dictionary<string, int>(items.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Length; i++)
            _index[items[i].Name] = i;
    }

    public int Count => _items.Length;

    public CimProperty this[int ordinal] => _items[ordinal];

    public CimProperty? this[string name] => Find(name);

    public CimProperty? Find(string name) => _index.TryGetValue(name, out var i) ? _items[i] : null;

    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    public bool Contains(string name) => _index.ContainsKey(name);

    public IEnumerator<CimProperty> GetEnumerator() => ((IEnumerable<CimProperty>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
