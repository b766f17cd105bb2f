using CimCloud.Cimom.Model;

namespace CimCloud.Providers.Virtualization.Model;

/// <summary>Object paths of the model's instances, built without the schema (every key is a string).</summary>
internal sealed class ModelPaths(string @namespace)
{
    public string Namespace { get; } = CimObjectPath.NormalizeNamespace(@namespace);

    public CimObjectPath Host(string hostName) => System(VirtualizationClasses.HostSystem, hostName);

    public CimObjectPath Machine(string uuid) => System(VirtualizationClasses.ComputerSystem, uuid);

    public CimObjectPath Switch(string network) => System(VirtualizationClasses.VirtualEthernetSwitch, network);

    public CimObjectPath System(string className, string name) =>
        Keys(className, ("CreationClassName", className), ("Name", name));

    public CimObjectPath Service(string className, string hostName, string name) =>
        Keys(className, ("SystemCreationClassName", VirtualizationClasses.HostSystem), ("SystemName", hostName),
            ("CreationClassName", className), ("Name", name));

    public CimObjectPath Device(string className, string systemClass, string systemName, string deviceId) =>
        Keys(className, ("SystemCreationClassName", systemClass), ("SystemName", systemName), ("CreationClassName", className),
            ("DeviceID", deviceId));

    public CimObjectPath MachineDevice(string className, string uuid, string deviceId) =>
        Device(className, VirtualizationClasses.ComputerSystem, uuid, deviceId);

    public CimObjectPath SwitchPort(string network, string deviceId) =>
        Device(VirtualizationClasses.SwitchPort, VirtualizationClasses.VirtualEthernetSwitch, network, deviceId);

    public CimObjectPath Volume(string hostName, string pool, string volume) =>
        Device(VirtualizationClasses.StorageVolume, VirtualizationClasses.HostSystem, hostName, ObjectIds.Volume(pool, volume));

    /// <summary>The pool with this InstanceID (ProcessorPool/0, MemoryPool/0, DiskPool/name, NetworkPool/name).</summary>
    public CimObjectPath Pool(string poolId) => ByInstanceId(VirtualizationClasses.ResourcePool, poolId);

    public CimObjectPath ByInstanceId(string className, string instanceId) => Keys(className, ("InstanceID", instanceId));

    public CimObjectPath MetricDefinition(string metric) =>
        Keys(VirtualizationClasses.MetricDefinition, ("Id", ObjectIds.MetricDefinition(metric)));

    private CimObjectPath Keys(string className, params ReadOnlySpan<(string Name, string Value)> keys)
    {
        var bindings = new CimKeyBinding[keys.Length];
        for (var i = 0; i < keys.Length; i++)
            bindings[i] = new CimKeyBinding(keys[i].Name, keys[i].Value, CimType.String);
        return new CimObjectPath(Namespace, className, bindings);
    }

    /// <summary>The string value of key <paramref name="name"/>, or null.</summary>
    public static string? KeyOf(CimObjectPath? path, string name) => path?.FindKey(name)?.Value as string;
}
