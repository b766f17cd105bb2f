namespace CimCloud.Cimom.Operations;

/// <summary>
/// How much of a class GetClass/EnumerateClasses return. The defaults return the whole resolved class;
/// front ends set their protocol's defaults explicitly (DSP0200: LocalOnly and IncludeQualifiers true,
/// IncludeClassOrigin false).
/// </summary>
public sealed record GetClassOptions
{
    public static GetClassOptions Default { get; } = new();

    /// <summary>Only properties, methods and qualifiers declared or overridden in the class itself.</summary>
    public bool LocalOnly { get; init; }

    /// <summary>False strips qualifiers from the class and its elements (parameters keep In and Out).</summary>
    public bool IncludeQualifiers { get; init; } = true;

    /// <summary>False blanks <see cref="Model.CimProperty.ClassOrigin"/> and <see cref="Model.CimMethod.ClassOrigin"/> (empty string).</summary>
    public bool IncludeClassOrigin { get; init; } = true;

    /// <summary>Only these properties (names not in the class are ignored); null = all. Methods are not filtered.</summary>
    public IReadOnlyCollection<string>? PropertyList { get; init; }

    internal bool IsIdentity => !LocalOnly && IncludeQualifiers && IncludeClassOrigin && PropertyList is null;
}
