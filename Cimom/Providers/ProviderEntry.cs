namespace CimCloud.Cimom.Providers;

/// <summary>The providers registered for one class of one namespace.</summary>
internal sealed record ProviderEntry(IInstanceProvider? Instance, IMethodProvider? Method, IAssociationProvider? Association)
{
    public static ProviderEntry None { get; } = new(null, null, null);

    /// <summary>Associations over an instance provider without its own association support.</summary>
    public ScanningAssociationProvider? Scanner { get; init; }
}
