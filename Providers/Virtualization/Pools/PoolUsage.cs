using CimCloud.Providers.Virtualization.Model;

namespace CimCloud.Providers.Virtualization.Pools;

/// <summary>
/// Capacity accounting: what each pool holds and what the defined machines reserve from it. Processor:
/// capacity = host logical CPUs, reserved = vCPUs of every defined machine (over-commit allowed).
/// Memory: capacity = host MiB, reserved = MiB of every defined machine (a request beyond the free
/// MiB is refused). Storage: the pool's bytes and allocation. Network: NICs attached (no capacity).
/// </summary>
internal static class PoolUsage
{
    public const ulong Mebibyte = 1UL << 20;

    public static ulong ProcessorReserved(HostSnapshot s) => (ulong)s.Machines.Sum(m => (long)m.Definition.VirtualCpus);

    public static ulong MemoryCapacityMiB(HostSnapshot s) => s.Host.MemoryBytes / Mebibyte;

    public static ulong MemoryReservedMiB(HostSnapshot s) => s.Machines.Aggregate(0UL, (sum, m) => sum + (m.Definition.MemoryBytes / Mebibyte));

    public static ulong MemoryConsumedMiB(HostSnapshot s) =>
        s.Machines.Where(m => Systems.StateMapping.IsActive(m.State)).Aggregate(0UL, (sum, m) => sum + (m.Definition.MemoryBytes / Mebibyte));

    public static ulong NicsOn(HostSnapshot s, string network) =>
        (ulong)s.Machines.Sum(m => m.Definition.Nics.Count(n => string.Equals(n.Network, network, StringComparison.Ordinal)));

    /// <summary>MiB still free in the memory pool, not counting the machine <paramref name="exceptUuid"/> (being modified).</summary>
    public static ulong MemoryFreeMiB(HostSnapshot s, string? exceptUuid = null)
    {
        var reserved = s.Machines.Where(m => !string.Equals(m.Uuid, exceptUuid, StringComparison.OrdinalIgnoreCase))
            .Aggregate(0UL, (sum, m) => sum + (m.Definition.MemoryBytes / Mebibyte));
        var capacity = MemoryCapacityMiB(s);
        return capacity > reserved ? capacity - reserved : 0;
    }
}
