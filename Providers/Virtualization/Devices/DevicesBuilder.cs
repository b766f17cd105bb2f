using CimCloud.Cimom.Model;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Virtualization.Model;
using CimCloud.Providers.Virtualization.Settings;
using CimCloud.Providers.Virtualization.Systems;
using static CimCloud.Providers.Virtualization.VirtualizationClasses;

namespace CimCloud.Providers.Virtualization.Devices;

/// <summary>
/// Each machine's logical devices (one CIM_Processor per vCPU, one CIM_Memory, a CIM_LogicalDisk per disk, a
/// CIM_EthernetPort per NIC) with their SystemDevice, SettingsDefineState and ElementAllocatedFromPool
/// associations. Devices exist for defined machines too (their EnabledState follows the machine's).
/// </summary>
internal static class DevicesBuilder
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
        var enabled = StateMapping.EnabledState(machine.State);
        var status = StateMapping.OperationalStatus(machine.State);
        for (var i = 0; i < d.VirtualCpus; i++)
        {
            Device(c, machine, Processor, $"proc{i}", SettingsBuilder.ProcessorPath(c.Paths, uuid), ObjectIds.ProcessorPool, enabled, status,
                ("ElementName", $"Virtual processor {i}"), ("LoadPercentage", StateMapping.IsActive(machine.State) ? (ushort)0 : null));
        }

        Device(c, machine, Memory, "mem", SettingsBuilder.MemoryPath(c.Paths, uuid), ObjectIds.MemoryPool, enabled, status,
            ("ElementName", "Memory"), ("BlockSize", 1024UL), ("NumberOfBlocks", d.MemoryBytes / 1024), ("ConsumableBlocks", d.MemoryBytes / 1024),
            ("Volatile", true));
        foreach (var disk in d.Disks)
        {
            Device(c, machine, LogicalDisk, disk.Target, SettingsBuilder.DiskPath(c.Paths, uuid, disk.Target),
                disk.Pool is null ? null : ObjectIds.DiskPool(disk.Pool), enabled, status,
                ("ElementName", $"Disk {disk.Target}"), ("Name", disk.Target), ("BlockSize", 512UL), ("NumberOfBlocks", disk.CapacityBytes / 512),
                ("ConsumableBlocks", disk.CapacityBytes / 512), ("Access", disk.ReadOnly ? (ushort)1 : (ushort)3));
        }

        foreach (var nic in d.Nics)
        {
            var permanent = MacAddress.TryParse(nic.MacAddress, out var mac) ? mac.ToCimPermanentAddress() : nic.MacAddress;
            Device(c, machine, EthernetPort, nic.MacAddress, SettingsBuilder.NicPath(c.Paths, uuid, nic.MacAddress),
                ObjectIds.NetworkPool(nic.Network), enabled, status,
                ("ElementName", $"NIC {nic.MacAddress}"), ("PermanentAddress", permanent), ("NetworkAddresses", new[] { permanent }),
                ("LinkTechnology", (ushort)2), ("PortType", (ushort)0));
        }
    }

    private static void Device(BuildContext c, VirtualMachineInfo machine, string className, string deviceId, CimObjectPath setting,
        string? poolId, ushort enabled, ushort[] status, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        Span<(string, object?)> all = new (string, object?)[values.Length + 6];
        all[0] = ("SystemCreationClassName", ComputerSystem);
        all[1] = ("SystemName", machine.Uuid);
        all[2] = ("CreationClassName", className);
        all[3] = ("DeviceID", deviceId);
        all[4] = ("EnabledState", enabled);
        all[5] = ("OperationalStatus", status);
        values.CopyTo(all[6..]);
        c.W.Add(className, all);
        var path = c.Paths.MachineDevice(className, machine.Uuid, deviceId);
        c.W.Associate(SystemDevice, "GroupComponent", c.Paths.Machine(machine.Uuid), "PartComponent", path);
        c.W.Associate(SettingsDefineState, "ManagedElement", path, "SettingData", setting);
        if (poolId is not null)
            c.W.Associate(ElementAllocatedFromPool, "Antecedent", c.Pool(poolId), "Dependent", path);
    }
}
