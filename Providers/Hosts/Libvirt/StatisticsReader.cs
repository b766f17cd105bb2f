using CimCloud.Providers.Hosts.Libvirt.Native;
using CimCloud.Providers.Hosts.Libvirt.Xml;

namespace CimCloud.Providers.Hosts.Libvirt;

/// <summary>
/// A machine's statistics: CPU time and memory from virDomainGetInfo, per-disk virDomainBlockStats (by target),
/// per-NIC virDomainInterfaceStats (by MAC). A machine that is not running has no I/O counters: they read 0.
/// </summary>
internal static class StatisticsReader
{
    public static MachineStatistics Read(DomainHandle domain, TimeProvider clock)
    {
        var uuid = LibvirtConnection.DomainUuid(domain);
        var info = LibvirtConnection.DomainInfo(domain);
        var active = LibvirtConnection.IsActive(domain);
        var live = DomainXmlReader.Read(LibvirtConnection.DomainXml(domain, inactive: false));

        var disks = live.Disks.Select(disk => ReadDisk(domain, disk, active)).ToList();
        var nics = live.Nics.Select(nic => ReadNic(domain, nic, active)).ToList();
        return new MachineStatistics(
            uuid,
            clock.GetUtcNow(),
            active ? info.CpuTimeNanoseconds : 0,
            active ? (ulong)info.MemoryKiB * 1024 : 0,
            disks,
            nics);
    }

    private static DiskStatistics ReadDisk(DomainHandle domain, DiskDefinition disk, bool active)
    {
        var hasMedia = disk.SourcePath is not null || disk.Volume is not null;
        if (!active || !hasMedia)
            return new DiskStatistics(disk.Target, 0, 0, 0, 0);
        var stats = LibvirtConnection.BlockStats(domain, disk.Target);
        return new DiskStatistics(disk.Target, Counter(stats.ReadBytes), Counter(stats.WriteBytes), Counter(stats.ReadRequests), Counter(stats.WriteRequests));
    }

    private static NicStatistics ReadNic(DomainHandle domain, NicDefinition nic, bool active)
    {
        if (!active)
            return new NicStatistics(nic.MacAddress, 0, 0, 0, 0);
        var stats = LibvirtConnection.InterfaceStats(domain, nic.MacAddress);
        return new NicStatistics(
            nic.MacAddress,
            Counter(stats.ReceivedBytes),
            Counter(stats.TransmittedBytes),
            Counter(stats.ReceivedPackets),
            Counter(stats.TransmittedPackets));
    }

    /// <summary>libvirt reports -1 for a counter the hypervisor does not have.</summary>
    private static ulong Counter(long value) => value < 0 ? 0 : (ulong)value;
}
