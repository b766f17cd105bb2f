using CimCloud.Cimom.Model;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Virtualization.Model;
using CimCloud.Providers.Virtualization.Pools;
using static CimCloud.Providers.Virtualization.VirtualizationClasses;

namespace CimCloud.Providers.Virtualization.Settings;

/// <summary>Each machine's VSSD and RASDs (processor, memory, one per disk, one per NIC) and their associations.</summary>
internal static class SettingsBuilder
{
    public static void Build(BuildContext c)
    {
        foreach (var machine in c.Snapshot.Machines)
            BuildMachine(c, machine);
    }

    private static void BuildMachine(BuildContext c, VirtualMachineInfo machine)
    {
        var d = machine.Definition;
        var uuid = machine.Uuid;
        var vm = c.Paths.Machine(uuid);
        var vssdId = ObjectIds.SystemSettings(uuid);
        var vssd = c.Paths.ByInstanceId(SystemSettingData, vssdId);
        c.W.Add(SystemSettingData,
            ("InstanceID", vssdId), ("ElementName", d.Name), ("VirtualSystemIdentifier", uuid),
            ("VirtualSystemType", Systems.SystemsBuilder.VirtualSystemType(c)),
            ("Notes", d.Description is null ? null : new[] { d.Description }), ("Description", d.Description),
            ("AutomaticStartupAction", d.AutoStart ? (ushort)4 : (ushort)2), ("AutomaticShutdownAction", (ushort)2),
            ("AutomaticRecoveryAction", (ushort)2));
        c.W.Associate(SettingsDefineState, "ManagedElement", vm, "SettingData", vssd);
        c.W.Associate(ElementSettingData, "ManagedElement", vm, "SettingData", vssd, ("IsDefault", (ushort)1), ("IsCurrent", (ushort)1),
            ("IsNext", (ushort)1));

        AddSetting(c, vssd, ProcessorSettingData, ObjectIds.ProcessorSettings(uuid), ObjectIds.ProcessorPool,
            ("ResourceType", PoolKinds.Processor), ("ElementName", $"{d.VirtualCpus} virtual processor(s)"),
            ("AllocationUnits", PoolKinds.CountUnits), ("VirtualQuantity", (ulong)d.VirtualCpus), ("VirtualQuantityUnits", PoolKinds.CountUnits),
            ("Reservation", (ulong)d.VirtualCpus), ("Limit", (ulong)d.VirtualCpus), ("Weight", 100u));
        var mib = d.MemoryBytes / PoolUsage.Mebibyte;
        AddSetting(c, vssd, MemorySettingData, ObjectIds.MemorySettings(uuid), ObjectIds.MemoryPool,
            ("ResourceType", PoolKinds.Memory), ("ElementName", $"{mib} MiB of memory"), ("AllocationUnits", PoolKinds.MebibyteUnits),
            ("VirtualQuantity", mib), ("VirtualQuantityUnits", PoolKinds.MebibyteUnits), ("Reservation", mib),
            ("Limit", Math.Max(d.MaxMemoryBytes, d.MemoryBytes) / PoolUsage.Mebibyte));
        foreach (var disk in d.Disks)
        {
            var hostResource = disk.Pool is not null && disk.Volume is not null
                ? c.Paths.Volume(c.HostName, disk.Pool, disk.Volume).ToString()
                : disk.SourcePath;
            AddSetting(c, vssd, StorageSettingData, ObjectIds.DiskSettings(uuid, disk.Target),
                disk.Pool is null ? null : ObjectIds.DiskPool(disk.Pool),
                ("ResourceType", disk.Kind == DiskDeviceKind.CdRom ? PoolKinds.DvdDrive : PoolKinds.LogicalDisk),
                ("ElementName", $"Disk {disk.Target}"), ("AddressOnParent", disk.Target),
                ("HostResource", hostResource is null ? null : new[] { hostResource }),
                ("AllocationUnits", PoolKinds.ByteUnits), ("VirtualQuantity", disk.CapacityBytes), ("VirtualQuantityUnits", PoolKinds.ByteUnits),
                ("Access", disk.ReadOnly ? (ushort)1 : (ushort)3), ("VirtualResourceBlockSize", 512UL));
        }

        foreach (var nic in d.Nics)
        {
            AddSetting(c, vssd, EthernetSettingData, ObjectIds.NicSettings(uuid, nic.MacAddress), ObjectIds.NetworkPool(nic.Network),
                ("ResourceType", PoolKinds.EthernetAdapter), ("ResourceSubType", nic.Model), ("ElementName", $"NIC {nic.MacAddress}"),
                ("Address", nic.MacAddress), ("Connection", new[] { nic.Network }), ("AllocationUnits", PoolKinds.CountUnits),
                ("VirtualQuantity", 1UL));
        }
    }

    private static CimObjectPath AddSetting(BuildContext c, CimObjectPath vssd, string className, string instanceId, string? poolId,
        params ReadOnlySpan<(string Name, object? Value)> values)
    {
        Span<(string, object?)> all = new (string, object?)[values.Length + 5];
        all[0] = ("InstanceID", instanceId);
        all[1] = ("PoolID", poolId);
        all[2] = ("ConsumerVisibility", (ushort)3);
        all[3] = ("AutomaticAllocation", true);
        all[4] = ("AutomaticDeallocation", true);
        values.CopyTo(all[5..]);
        c.W.Add(className, all);
        var path = c.Paths.ByInstanceId(className, instanceId);
        c.W.Associate(SettingDataComponent, "GroupComponent", vssd, "PartComponent", path);
        if (poolId is not null)
            c.W.Associate(ResourceAllocationFromPool, "Antecedent", c.Pool(poolId), "Dependent", path);
        return path;
    }

    /// <summary>The path of the RASD describing a disk of machine <paramref name="uuid"/>.</summary>
    public static CimObjectPath DiskPath(ModelPaths paths, string uuid, string target) =>
        paths.ByInstanceId(StorageSettingData, ObjectIds.DiskSettings(uuid, target));

    public static CimObjectPath NicPath(ModelPaths paths, string uuid, string mac) =>
        paths.ByInstanceId(EthernetSettingData, ObjectIds.NicSettings(uuid, mac));

    public static CimObjectPath ProcessorPath(ModelPaths paths, string uuid) =>
        paths.ByInstanceId(ProcessorSettingData, ObjectIds.ProcessorSettings(uuid));

    public static CimObjectPath MemoryPath(ModelPaths paths, string uuid) =>
        paths.ByInstanceId(MemorySettingData, ObjectIds.MemorySettings(uuid));
}
