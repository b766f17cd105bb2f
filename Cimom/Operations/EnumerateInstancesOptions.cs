namespace CimCloud.Cimom.Operations;

/// <summary>EnumerateInstances options (DSP0200).</summary>
public sealed record EnumerateInstancesOptions
{
    public static EnumerateInstancesOptions Default { get; } = new();

    /// <summary>
    /// Instances of subclasses are always returned; with false they carry only the properties of the
    /// requested class.
    /// </summary>
    public bool DeepInheritance { get; init; } = true;

    /// <summary>Only these properties (names not in a class are ignored); null = all.</summary>
    public IReadOnlyCollection<string>? PropertyList { get; init; }
}
