namespace CimCloud.Cimom.Model;

/// <summary>A method of a resolved class.</summary>
public sealed class CimMethod
{
    private CimMethod? _inheritedView;

    public CimMethod(string name, CimType returnType, IReadOnlyList<CimParameter> parameters, CimQualifierSet qualifiers,
        string classOrigin, CimFlags flags, SourceLocation? location = null)
    {
        Name = name;
        ReturnType = returnType;
        Parameters = parameters;
        Qualifiers = qualifiers;
        ClassOrigin = classOrigin;
        Flags = flags;
        Location = location;
    }

    public string Name { get; }

    public CimType ReturnType { get; }

    public IReadOnlyList<CimParameter> Parameters { get; }

    public CimQualifierSet Qualifiers { get; }

    public string ClassOrigin { get; }

    public CimFlags Flags { get; }

    public SourceLocation? Location { get; }

    public bool IsStatic => (Flags & CimFlags.Static) != 0;

    public bool IsPropagated => (Flags & CimFlags.Propagated) != 0;

    public bool IsOverride => (Flags & CimFlags.Override) != 0;

    public CimParameter? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The method as seen from a subclass that inherits it unchanged (computed once, shared).</summary>
    internal CimMethod InheritedView => _inheritedView ??= IsPropagated
        ? this
        : new(Name, ReturnType, Parameters, CimProperty.PropagatedQualifiers(Qualifiers), ClassOrigin,
            (Flags | CimFlags.Propagated) & ~CimFlags.Override, Location);

    public override string ToString() => $"{CimTypeInfo.ToMofName(ReturnType)} {Name}({string.Join(", ", Parameters)})";
}
