using System.Collections;

namespace CimCloud.Cimom.Model;

/// <summary>
/// An immutable, ordered set of qualifiers with case-insensitive lookup. Elements carry few
/// qualifiers, so a linear scan over an array beats a dictionary in both time and memory.
/// </summary>
public sealed class CimQualifierSet : IReadOnlyList<CimQualifier>
{
    private readonly CimQualifier[] _items;

    public static CimQualifierSet Empty { get; } = new([]);

    public CimQualifierSet(IEnumerable<CimQualifier> qualifiers)
    {
        ArgumentNullException.ThrowIfNull(qualifiers);
        _items = qualifiers as CimQualifier[] ?? qualifiers.ToArray();
    }

    public int Count => _items.Length;

    public CimQualifier this[int index] => _items[index];

    public CimQualifier? this[string name] => Find(name);

    public CimQualifier? Find(string name)
    {
        foreach (var q in _items)
        {
            if (string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase))
                return q;
        }

        return null;
    }

    public bool Contains(string name) => Find(name) is not null;

    /// <summary>True when the qualifier is present with the boolean value true.</summary>
    public bool IsTrue(string name) => Find(name)?.Value is true;

    public string? GetString(string name) => Find(name)?.Value as string;

    /// <summary>The qualifiers specified on the element itself (not inherited).</summary>
    public IEnumerable<CimQualifier> Local => _items.Where(q => !q.IsPropagated);

    public IEnumerator<CimQualifier> GetEnumerator() => ((IEnumerable<CimQualifier>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
