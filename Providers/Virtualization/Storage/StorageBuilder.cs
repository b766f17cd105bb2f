using CimCloud.Providers.Virtualization.Model;
using static CimCloud.Providers.Virtualization.VirtualizationClasses;

namespace CimCloud.Providers.Virtualization.Storage;

/// <summary>The volumes of every storage pool (CIM_StorageVolume), members of their DiskPool through CIM_ConcreteComponent.</summary>
internal static class StorageBuilder
{
    public static void Build(BuildContext c)
    {
        foreach (var (poolName, volumes) in c.Snapshot.Volumes)
        {
            var pool = c.Pool(ObjectIds.DiskPool(poolName));
            foreach (var volume in volumes)
            {
                c.W.Add(StorageVolume,
                    ("SystemCreationClassName", HostSystem), ("SystemName", c.HostName), ("CreationClassName", StorageVolume),
                    ("DeviceID", ObjectIds.Volume(poolName, volume.Name)), ("ElementName", volume.Name), ("Name", volume.Path),
                    ("NameFormat", (ushort)1), ("BlockSize", 1UL), ("NumberOfBlocks", volume.CapacityBytes),
                    ("ConsumableBlocks", volume.CapacityBytes), ("EnabledState", (ushort)2), ("OperationalStatus", new ushort[] { 2 }));
                c.W.Associate(ConcreteComponent, "GroupComponent", pool, "PartComponent", c.Paths.Volume(c.HostName, poolName, volume.Name));
            }
        }
    }
}
