namespace CimCloud.Cimom.Operations;

/// <summary>
/// Associators/AssociatorNames filters (DSP0200): class names match the class or any subclass; role
/// names are compared case-insensitively. A class name that does not exist is InvalidParameter.
/// </summary>
public sealed record AssociatorsOptions
{
    public static AssociatorsOptions Default { get; } = new();

    /// <summary>Only through associations of this class (or a subclass).</summary>
    public string? AssocClass { get; init; }

    /// <summary>Only associated objects of this class (or a subclass).</summary>
    public string? ResultClass { get; init; }

    /// <summary>The source object must be referenced through this property of the association.</summary>
    public string? Role { get; init; }

    /// <summary>The associated object must be referenced through this property of the association.</summary>
    public string? ResultRole { get; init; }

    /// <summary>Associators only: the properties of the returned instances; null = all.</summary>
    public IReadOnlyCollection<string>? PropertyList { get; init; }
}
