using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Operations;

/// <summary>
/// The included-property masks of one enumeration, computed once per class and shared by all its
/// instances: the property list (unknown names ignored) and, for DeepInheritance=false, only the
/// properties of the requested class.
/// </summary>
internal sealed class PropertyMasks
{
    private readonly HashSet<string>? _names;
    private readonly CimClass? _limitTo;
    private readonly Dictionary<CimClass, bool[]?> _cache = new(ReferenceEqualityComparer.Instance);

    public PropertyMasks(IReadOnlyCollection<string>? propertyList, CimClass? limitTo = null)
    {
        _names = propertyList is null ? null : new HashSet<string>(propertyList, StringComparer.OrdinalIgnoreCase);
        _limitTo = limitTo;
    }

    /// <summary>The mask for instances of <paramref name="cimClass"/>; null when every property is included.</summary>
    public bool[]? For(CimClass cimClass)
    {
        if (_names is null && (_limitTo is null || ReferenceEquals(_limitTo, cimClass)))
            return null;
        if (_cache.TryGetValue(cimClass, out var cached))
            return cached;
        var mask = new bool[cimClass.Properties.Count];
        for (var i = 0; i < mask.Length; i++)
        {
            var name = cimClass.Properties[i].Name;
            mask[i] = (_names is null || _names.Contains(name)) && (_limitTo is null || _limitTo.Properties.Contains(name));
        }

        _cache[cimClass] = mask;
        return mask;
    }
}
