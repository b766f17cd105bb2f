namespace CimCloud.Cimom.Model;

/// <summary>
/// A property of a resolved class. <see cref="Ordinal"/> is its slot in instances of the class that
/// owns this object; <see cref="ClassOrigin"/> names the class that last declared it.
/// </summary>
public sealed class CimProperty
{
    private CimProperty? _inheritedView;

    public CimProperty(string name, CimDataType dataType, object? defaultValue, CimQualifierSet qualifiers,
        string classOrigin, int ordinal, CimFlags flags, SourceLocation? location = null)
    {
        Name = name;
        DataType = dataType;
        DefaultValue = defaultValue;
        Qualifiers = qualifiers;
        ClassOrigin = classOrigin;
        Ordinal = ordinal;
        Flags = flags;
        Location = location;
    }

    public string Name { get; }

    public CimDataType DataType { get; }

    public CimType CimType => DataType.Type;

    public bool IsArray => DataType.IsArray;

    /// <summary>For references the class named in the declaration; for embedded instances the EmbeddedInstance class.</summary>
    public string? ReferenceClassName => DataType.ClassName;

    public object? DefaultValue { get; }

    public CimQualifierSet Qualifiers { get; }

    public string ClassOrigin { get; }

    public int Ordinal { get; }

    public CimFlags Flags { get; }

    public SourceLocation? Location { get; }

    public bool IsKey => (Flags & CimFlags.Key) != 0;

    /// <summary>Inherited unchanged from a superclass.</summary>
    public bool IsPropagated => (Flags & CimFlags.Propagated) != 0;

    public bool IsOverride => (Flags & CimFlags.Override) != 0;

    /// <summary>
    /// The same property as seen from a subclass that inherits it unchanged (same slot; only
    /// ToSubclass qualifiers, marked propagated). Computed once and shared by every subclass.
    /// </summary>
    internal CimProperty InheritedView => _inheritedView ??= IsPropagated
        ? this
        : new(Name, DataType, DefaultValue, PropagatedQualifiers(Qualifiers), ClassOrigin, Ordinal,
            (Flags | CimFlags.Propagated) & ~CimFlags.Override, Location);

    internal static CimQualifierSet PropagatedQualifiers(CimQualifierSet qualifiers)
    {
        if (qualifiers.All(q => q.IsPropagated))
            return qualifiers;
        var list = new List<CimQualifier>(qualifiers.Count);
        foreach (var q in qualifiers)
        {
            if (q.PropagatesToSubclass)
                list.Add(q.AsPropagated());
        }

        return list.Count == 0 ? CimQualifierSet.Empty : new CimQualifierSet(list.ToArray());
    }

    public override string ToString() => $"{DataType} {Name}";
}
