using CimCloud.Cimom.Model;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Virtualization.Model;
using CimCloud.Providers.Virtualization.Pools;

namespace CimCloud.Providers.Virtualization.Settings;

/// <summary>
/// Turns a client's embedded RASD into a <see cref="ResourceRequest"/> by its ResourceType: 3 processor
/// (VirtualQuantity = vCPUs), 4 memory (VirtualQuantity/Reservation and Limit in AllocationUnits, default
/// MiB), 15/16 CD/DVD and 17/19/31/32 disk (backing in HostResource[0]: a CIMCLOUD_StorageVolume path, a
/// volume's file path, <c>pool/volume</c>, or an absolute file path; target in AddressOnParent), 10/33 NIC
/// (MAC in Address, generated when absent; network in Connection[0] or a NetworkPool PoolID). Anything
/// else throws <see cref="InvalidSettingsException"/>.
/// </summary>
internal static class RasdParser
{
    public static ResourceRequest Parse(CimInstance rasd, HostSnapshot snapshot)
    {
        var id = SettingValues.String(rasd, "InstanceID");
        var type = SettingValues.Unsigned(rasd, "ResourceType")
            ?? throw new InvalidSettingsException($"{rasd.ClassName} has no ResourceType (3 processor, 4 memory, 17/31 disk, 10/33 NIC)");
        return type switch
        {
            PoolKinds.Processor => Processor(rasd, id, snapshot),
            PoolKinds.Memory => Memory(rasd, id),
            <= ushort.MaxValue when PoolKinds.IsDisk((ushort)type) => Disk(rasd, id, (ushort)type, snapshot),
            <= ushort.MaxValue when PoolKinds.IsNic((ushort)type) => Nic(rasd, id, snapshot),
            _ => throw new InvalidSettingsException(
                $"ResourceType {type} of {rasd.ClassName} is not supported (3 processor, 4 memory, 15/16/17/19/31/32 disk, 10/33 NIC)"),
        };
    }

    private static ProcessorRequest Processor(CimInstance rasd, string? id, HostSnapshot snapshot)
    {
        var count = SettingValues.Unsigned(rasd, "VirtualQuantity") ?? SettingValues.Unsigned(rasd, "Reservation")
            ?? throw new InvalidSettingsException("the processor RASD has no VirtualQuantity (number of virtual CPUs)");
        if (count == 0)
            throw new InvalidSettingsException("the processor RASD asks for 0 virtual CPUs");
        if (count > (ulong)snapshot.Host.LogicalProcessors)
        {
            throw new HostException(HostErrorKind.InsufficientResources,
                $"{count} virtual CPUs exceed the processor pool ({snapshot.Host.LogicalProcessors} logical CPUs)");
        }

        return new ProcessorRequest(id, (int)count);
    }

    private static MemoryRequest Memory(CimInstance rasd, string? id)
    {
        var units = SettingValues.QuantityUnits(rasd);
        var quantity = SettingValues.Unsigned(rasd, "VirtualQuantity") ?? SettingValues.Unsigned(rasd, "Reservation")
            ?? throw new InvalidSettingsException("the memory RASD has no VirtualQuantity");
        if (quantity == 0)
            throw new InvalidSettingsException("the memory RASD asks for 0 memory");
        var bytes = AllocationUnits.ToBytes(quantity, units, PoolUsage.Mebibyte);
        var limit = SettingValues.Unsigned(rasd, "Limit") is { } l and > 0
            ? AllocationUnits.ToBytes(l, SettingValues.String(rasd, "AllocationUnits") ?? units, PoolUsage.Mebibyte)
            : (ulong?)null;
        if (limit < bytes)
            throw new InvalidSettingsException($"the memory RASD's Limit ({limit} bytes) is below its VirtualQuantity ({bytes} bytes)");
        return new MemoryRequest(id, bytes, limit);
    }

    private static DiskRequest Disk(CimInstance rasd, string? id, ushort type, HostSnapshot snapshot)
    {
        var target = SettingValues.String(rasd, "AddressOnParent");
        if (target is not null && !IsTargetName(target))
            throw new InvalidSettingsException($"AddressOnParent '{target}' is not a guest disk name (e.g. vdb, sdc, hdc)");
        var readOnly = SettingValues.Unsigned(rasd, "Access") == 1;
        var kind = type is PoolKinds.CdDrive or PoolKinds.DvdDrive ? DiskDeviceKind.CdRom : DiskDeviceKind.Disk;
        var resource = SettingValues.Strings(rasd, "HostResource").FirstOrDefault()
            ?? throw new InvalidSettingsException("the disk RASD has no HostResource (a volume of a storage pool, or a file path)");
        var poolId = SettingValues.String(rasd, "PoolID");
        string? wantedPool = null;
        if (poolId is not null && !ObjectIds.TryParseDiskPool(poolId, out wantedPool))
            throw new InvalidSettingsException($"PoolID '{poolId}' of the disk RASD is not a disk pool (DiskPool/<name>)");
        var volume = FindVolume(resource, snapshot);
        if (volume is null)
        {
            if (!resource.StartsWith('/'))
                throw new InvalidSettingsException($"HostResource '{resource}' names no volume of this host's storage pools");
            return new DiskRequest(id, target, new DiskDefinition(target ?? string.Empty, null, null, resource, 0, kind, readOnly));
        }

        if (wantedPool is not null && !string.Equals(wantedPool, volume.Pool, StringComparison.Ordinal))
            throw new InvalidSettingsException($"volume {volume.Name} is in pool {volume.Pool}, not in {poolId}");
        return new DiskRequest(id, target,
            new DiskDefinition(target ?? string.Empty, volume.Pool, volume.Name, volume.Path, volume.CapacityBytes, kind, readOnly));
    }

    private static NicRequest Nic(CimInstance rasd, string? id, HostSnapshot snapshot)
    {
        var address = SettingValues.String(rasd, "Address");
        MacAddress mac;
        if (address is null)
            mac = MacAddress.NewKvm();
        else if (!MacAddress.TryParse(address, out mac))
            throw new InvalidSettingsException($"Address '{address}' of the NIC RASD is not a MAC address");
        var network = SettingValues.Strings(rasd, "Connection").FirstOrDefault();
        if (network is null && SettingValues.String(rasd, "PoolID") is { } poolId)
        {
            if (!ObjectIds.TryParseNetworkPool(poolId, out network))
                throw new InvalidSettingsException($"PoolID '{poolId}' of the NIC RASD is not a network pool (NetworkPool/<name>)");
        }

        if (network is null)
            throw new InvalidSettingsException("the NIC RASD names no network (Connection[0] or PoolID NetworkPool/<name>)");
        if (!snapshot.Networks.Any(n => string.Equals(n.Name, network, StringComparison.Ordinal)))
            throw new InvalidSettingsException($"network '{network}' does not exist on this host");
        var model = SettingValues.String(rasd, "ResourceSubType") ?? "virtio";
        return new NicRequest(id, new NicDefinition(mac.ToString(), network, model), address is not null);
    }

    /// <summary>The volume a HostResource value names, or null.</summary>
    private static StorageVolumeInfo? FindVolume(string resource, HostSnapshot snapshot)
    {
        var all = snapshot.Volumes.Values.SelectMany(v => v);
        if (resource.Contains(':', StringComparison.Ordinal) && CimObjectPath.TryParse(resource, out var path, out _)
            && ModelPaths.KeyOf(path, "DeviceID") is { } deviceId && ObjectIds.TryParseVolume(deviceId, out var p, out var v))
        {
            return all.FirstOrDefault(x => x.Pool == p && x.Name == v);
        }

        return all.FirstOrDefault(x => string.Equals(x.Path, resource, StringComparison.Ordinal))
            ?? (ObjectIds.TryParseVolume(resource, out var pool, out var name) ? all.FirstOrDefault(x => x.Pool == pool && x.Name == name) : null);
    }

    private static bool IsTargetName(string target) =>
        target.Length is >= 3 and <= 8 && target.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch));

    /// <summary>The first free target vda, vdb, ... not in <paramref name="taken"/>.</summary>
    public static string NextTarget(IEnumerable<string> taken)
    {
        var used = new HashSet<string>(taken, StringComparer.Ordinal);
        for (var i = 0; i < 26; i++)
        {
            var name = "vd" + (char)('a' + i);
            if (!used.Contains(name))
                return name;
        }

        throw new InvalidSettingsException($"no free disk name left (vda..vdz are taken: {string.Join(',', used.Order(StringComparer.Ordinal).Take(3))}...)");
    }
}
