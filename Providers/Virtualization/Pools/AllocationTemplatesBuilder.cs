using CimCloud.Providers.Virtualization.Model;
using static CimCloud.Providers.Virtualization.VirtualizationClasses;

namespace CimCloud.Providers.Virtualization.Pools;

/// <summary>
/// DSP1043 templates: per pool, a Default, Minimum, Maximum and Increment RASD linked from the pool's
/// allocation capabilities by CIM_SettingsDefineCapabilities (ValueRole 0 Default / 3 Supported; ValueRange
/// 0 Point, 1 Minimums, 2 Maximums, 3 Increments), so a client learns valid requests before DefineSystem.
/// </summary>
internal static class AllocationTemplatesBuilder
{
    private static readonly (string Name, ushort Role, ushort Range)[] Kinds =
        [("Default", 0, 0), ("Minimum", 3, 1), ("Maximum", 3, 2), ("Increment", 3, 3)];

    public static void Build(BuildContext c)
    {
        var s = c.Snapshot;
        Add(c, ObjectIds.ProcessorPool, ProcessorSettingData, PoolKinds.Processor, PoolKinds.CountUnits, [1, 1, (ulong)s.Host.LogicalProcessors, 1]);
        Add(c, ObjectIds.MemoryPool, MemorySettingData, PoolKinds.Memory, PoolKinds.MebibyteUnits, [512, 16, PoolUsage.MemoryCapacityMiB(s), 1]);
        foreach (var pool in s.StoragePools)
        {
            Add(c, ObjectIds.DiskPool(pool.Name), StorageSettingData, PoolKinds.LogicalDisk, PoolKinds.ByteUnits,
                [Math.Min(1UL << 30, pool.CapacityBytes), PoolUsage.Mebibyte, pool.CapacityBytes, PoolUsage.Mebibyte]);
        }

        foreach (var network in s.Networks)
            Add(c, ObjectIds.NetworkPool(network.Name), EthernetSettingData, PoolKinds.EthernetAdapter, PoolKinds.CountUnits, [1, 1, 1, 1]);
    }

    private static void Add(BuildContext c, string poolId, string className, ushort resourceType, string units, ulong[] quantities)
    {
        var capabilities = c.Paths.ByInstanceId(AllocationCapabilities, ObjectIds.PoolCapabilities(poolId));
        for (var i = 0; i < Kinds.Length; i++)
        {
            var (name, role, range) = Kinds[i];
            var id = $"{ObjectIds.Prefix}Template/{poolId}/{name}";
            c.W.Add(className,
                ("InstanceID", id), ("ElementName", $"{name} of {poolId}"), ("ResourceType", resourceType), ("PoolID", poolId),
                ("AllocationUnits", units), ("VirtualQuantity", quantities[i]), ("VirtualQuantityUnits", units));
            c.W.Associate(SettingsDefineCapabilities, "GroupComponent", capabilities, "PartComponent", c.Paths.ByInstanceId(className, id),
                ("PropertyPolicy", (ushort)0), ("ValueRole", role), ("ValueRange", range));
        }
    }
}
