namespace CimCloud.Cimom.Model;

/// <summary>
/// A resolved, immutable CIM class: its own and inherited properties (each with a slot ordinal),
/// methods, effective qualifiers (local ones and those propagated from superclasses), and key list.
/// Built by <see cref="Schema.ClassResolver"/>; never modified afterwards.
/// </summary>
public sealed class CimClass
{
    private readonly Dictionary<string, CimMethod> _methodIndex;
    private CimQualifierSet? _inheritableQualifiers;

    internal CimClass(string name, CimClass? superClass, CimQualifierSet qualifiers, CimPropertyCollection properties,
        IReadOnlyList<CimMethod> methods, SourceLocation? location)
    {
        Name = name;
        SuperClass = superClass;
        Qualifiers = qualifiers;
        Properties = properties;
        Methods = methods;
        Location = location;
        _methodIndex = new Dictionary<string, CimMethod>(methods.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var m in methods)
            _methodIndex[m.Name] = m;
        KeyProperties = properties.Where(p => p.IsKey).ToArray();
        IsAssociation = qualifiers.IsTrue("Association");
        IsIndication = qualifiers.IsTrue("Indication");
        IsAbstract = qualifiers.Find("Abstract") is { IsPropagated: false, Value: true };
        Depth = superClass is null ? 0 : superClass.Depth + 1;
    }

    public string Name { get; }

    public string? SuperClassName => SuperClass?.Name;

    public CimClass? SuperClass { get; }

    /// <summary>Effective qualifiers: the class's own plus those propagated (ToSubclass) from superclasses.</summary>
    public CimQualifierSet Qualifiers { get; }

    /// <summary>All properties, inherited ones included, in slot order (ancestors' first).</summary>
    public CimPropertyCollection Properties { get; }

    public IReadOnlyList<CimMethod> Methods { get; }

    public IReadOnlyList<CimProperty> KeyProperties { get; }

    public SourceLocation? Location { get; }

    public bool IsAssociation { get; }

    public bool IsIndication { get; }

    public bool IsAbstract { get; }

    /// <summary>0 for a root class.</summary>
    public int Depth { get; }

    /// <summary>The class has key properties (instances can be addressed).</summary>
    public bool IsKeyed => KeyProperties.Count > 0;

    /// <summary>The qualifiers a subclass inherits (ToSubclass ones, marked propagated). Computed once.</summary>
    internal CimQualifierSet InheritableQualifiers => _inheritableQualifiers ??= CimProperty.PropagatedQualifiers(Qualifiers);

    public CimMethod? FindMethod(string name) => _methodIndex.GetValueOrDefault(name);

    /// <summary>Properties declared or overridden in this class (not inherited unchanged).</summary>
    public IEnumerable<CimProperty> LocalProperties => Properties.Where(p => !p.IsPropagated);

    public IEnumerable<CimMethod> LocalMethods => Methods.Where(m => !m.IsPropagated);

    /// <summary>This class or any ancestor is named <paramref name="className"/>.</summary>
    public bool IsSubclassOf(string className)
    {
        for (var c = this; c is not null; c = c.SuperClass)
        {
            if (string.Equals(c.Name, className, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    public IEnumerable<CimClass> Ancestors()
    {
        for (var c = SuperClass; c is not null; c = c.SuperClass)
            yield return c;
    }

    public override string ToString() => SuperClass is null ? Name : $"{Name} : {SuperClass.Name}";
}
