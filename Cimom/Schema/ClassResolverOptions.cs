namespace CimCloud.Cimom.Schema;

/// <summary>How strictly <see cref="ClassResolver"/> applies DSP0004 to real-world (vendor) declarations.</summary>
public sealed record ClassResolverOptions
{
    public static ClassResolverOptions Strict { get; } = new();

    /// <summary>
    /// Lenient: an inherited property or method redeclared without Override is taken as an implicit
    /// override (warning), a bare Override qualifier names the element it sits on (warning), and an
    /// Association qualifier on a class whose superclass is no association is ignored (warning).
    /// </summary>
    public bool Lenient { get; init; }
}
