using CimCloud.Providers.Hosts.Libvirt.Native;
using CimCloud.Providers.Hosts.Libvirt.State;
using CimCloud.Providers.Hosts.Libvirt.Xml;

namespace CimCloud.Providers.Hosts.Libvirt;

/// <summary>Reads a domain into a <see cref="VirtualMachineInfo"/> (definition from the persistent XML when it has one).</summary>
internal sealed class MachineReader(LibvirtConnection connection)
{
    public VirtualMachineInfo Read(DomainHandle domain, DateTimeOffset? lastStateChange)
    {
        var persistent = LibvirtConnection.IsPersistent(domain);
        var definition = DomainXmlReader.Read(LibvirtConnection.DomainXml(domain, inactive: persistent));
        definition = definition with
        {
            Disks = definition.Disks.Select(WithCapacity).ToList(),
            AutoStart = persistent && LibvirtConnection.AutoStart(domain),
        };
        return new VirtualMachineInfo(LibvirtConnection.DomainUuid(domain), definition, RunState(domain), persistent, lastStateChange);
    }

    public static MachineRunState RunState(DomainHandle domain)
    {
        var (state, _) = LibvirtConnection.DomainState(domain);
        var saved = state == 5 && LibvirtConnection.HasManagedSave(domain);
        return LibvirtStates.ToRunState(state, saved);
    }

    /// <summary>The disk's size from its backing volume (by pool and name, or by path); 0 when it is not a known volume.</summary>
    private DiskDefinition WithCapacity(DiskDefinition disk)
    {
        using var volume = FindBackingVolume(disk);
        return volume is null ? disk : disk with { CapacityBytes = LibvirtConnection.VolumeInfo(volume).Capacity };
    }

    private StorageVolumeHandle? FindBackingVolume(DiskDefinition disk)
    {
        if (disk.Pool is not null && disk.Volume is not null)
        {
            using var pool = connection.FindPool(disk.Pool);
            return pool is null ? null : LibvirtConnection.FindVolume(pool, disk.Volume);
        }

        return string.IsNullOrEmpty(disk.SourcePath) ? null : connection.FindVolumeByPath(disk.SourcePath);
    }
}
