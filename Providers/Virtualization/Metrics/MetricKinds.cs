using System.Globalization;
using CimCloud.Providers.Hosts;

namespace CimCloud.Providers.Virtualization.Metrics;

/// <summary>One per-VM metric taken from the host's statistics.</summary>
internal sealed record MetricKind(string Id, string Name, string Units, string ProgrammaticUnits, bool IsCounter, Func<MachineStatistics, ulong> Read)
{
    public string ValueOf(MachineStatistics statistics) => Read(statistics).ToString(CultureInfo.InvariantCulture);

    /// <summary>CPU time, memory in use, disk read/write bytes and network receive/transmit bytes (summed over devices).</summary>
    public static IReadOnlyList<MetricKind> All { get; } =
    [
        new("cpu-time", "CPU time", "nanoseconds", "second*10^-9", true, s => s.CpuTimeNanoseconds),
        new("mem-used", "Memory used", "bytes", "byte", false, s => s.MemoryUsedBytes),
        new("disk-rd-bytes", "Disk bytes read", "bytes", "byte", true, s => s.Disks.Aggregate(0UL, (a, d) => a + d.ReadBytes)),
        new("disk-wr-bytes", "Disk bytes written", "bytes", "byte", true, s => s.Disks.Aggregate(0UL, (a, d) => a + d.WriteBytes)),
        new("net-rx-bytes", "Network bytes received", "bytes", "byte", true, s => s.Nics.Aggregate(0UL, (a, n) => a + n.ReceivedBytes)),
        new("net-tx-bytes", "Network bytes transmitted", "bytes", "byte", true, s => s.Nics.Aggregate(0UL, (a, n) => a + n.TransmittedBytes)),
    ];
}
