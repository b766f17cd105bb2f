using CimCloud.Providers.Virtualization.Model;
using static CimCloud.Providers.Virtualization.VirtualizationClasses;

namespace CimCloud.Providers.Virtualization.Pools;

/// <summary>The host's primordial pools (processor, memory, one per storage pool, one per network) and their allocation capabilities.</summary>
internal static class PoolsBuilder
{
    public static void Build(BuildContext c)
    {
        var s = c.Snapshot;
        AddPool(c, ObjectIds.ProcessorPool, PoolKinds.Processor, "Processor pool", PoolKinds.CountUnits,
            (ulong)s.Host.LogicalProcessors, PoolUsage.ProcessorReserved(s), null, sharing: 3);
        AddPool(c, ObjectIds.MemoryPool, PoolKinds.Memory, "Memory pool", PoolKinds.MebibyteUnits,
            PoolUsage.MemoryCapacityMiB(s), PoolUsage.MemoryReservedMiB(s), PoolUsage.MemoryConsumedMiB(s), sharing: 2);
        foreach (var pool in s.StoragePools)
        {
            AddPool(c, ObjectIds.DiskPool(pool.Name), PoolKinds.LogicalDisk, $"Storage pool {pool.Name}", PoolKinds.ByteUnits,
                pool.CapacityBytes, pool.AllocationBytes, pool.AllocationBytes, sharing: 2);
        }

        foreach (var network in s.Networks)
        {
            AddPool(c, ObjectIds.NetworkPool(network.Name), PoolKinds.EthernetAdapter, $"Network {network.Name}", PoolKinds.CountUnits,
                null, PoolUsage.NicsOn(s, network.Name), null, sharing: 3);
        }
    }

    private static void AddPool(BuildContext c, string poolId, ushort resourceType, string name, string units, ulong? capacity, ulong reserved,
        ulong? consumed, ushort sharing)
    {
        var pool = c.Pool(poolId);
        c.W.Add(ResourcePool,
            ("InstanceID", poolId), ("PoolID", poolId), ("ElementName", name), ("ResourceType", resourceType), ("Primordial", true),
            ("Capacity", capacity), ("Reserved", reserved), ("AllocationUnits", units), ("CurrentlyConsumedResource", consumed),
            ("ConsumedResourceUnits", consumed is null ? null : units), ("MaxConsumableResource", capacity),
            ("OperationalStatus", new ushort[] { 2 }), ("HealthState", (ushort)5));
        var capsId = ObjectIds.PoolCapabilities(poolId);
        c.W.Add(AllocationCapabilities,
            ("InstanceID", capsId), ("ElementName", $"Allocation capabilities of {name}"), ("ResourceType", resourceType),
            ("RequestTypesSupported", (ushort)3), ("SharingMode", sharing));
        c.W.Associate(HostedResourcePool, "GroupComponent", c.HostPath, "PartComponent", pool);
        c.W.Associate(ElementCapabilities, "ManagedElement", pool, "Capabilities", c.Paths.ByInstanceId(AllocationCapabilities, capsId));
    }
}
