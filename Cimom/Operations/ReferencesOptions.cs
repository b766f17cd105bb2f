namespace CimCloud.Cimom.Operations;

/// <summary>References/ReferenceNames filters (DSP0200).</summary>
public sealed record ReferencesOptions
{
    public static ReferencesOptions Default { get; } = new();

    /// <summary>Only association instances of this class (or a subclass); unknown class = InvalidParameter.</summary>
    public string? ResultClass { get; init; }

    /// <summary>The source object must be referenced through this property (case-insensitive).</summary>
    public string? Role { get; init; }

    /// <summary>References only: the properties of the returned instances; null = all.</summary>
    public IReadOnlyCollection<string>? PropertyList { get; init; }
}
