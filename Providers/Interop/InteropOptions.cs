namespace CimCloud.Providers.Interop;

/// <summary>
/// Identity of the object manager the interop namespace describes: the system it runs on (keys of its
/// CIM_ObjectManager and CIM_Namespace instances) and the namespaces that carry the interop classes.
/// </summary>
public sealed record InteropOptions
{
    public string InteropNamespace { get; init; } = "root/interop";

    /// <summary>Namespaces where CIM_ElementConformsToProfile is served as well (its ManagedElement end lives there).</summary>
    public IReadOnlyList<string> ImplementationNamespaces { get; init; } = ["root/cimv2"];

    public string SystemCreationClassName { get; init; } = "CIMCLOUD_HostSystem";

    /// <summary>Name of the hosting system; the serve composition sets the host's name.</summary>
    public string SystemName { get; init; } = Environment.MachineName;

    public string ObjectManagerName { get; init; } = "CimCloud";

    public string ProductVersion { get; init; } =
        typeof(InteropOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
