namespace CimCloud.Providers.Hosts.Simulated;

/// <summary>A simulated storage pool (guarded by the host's lock): capacity and volumes by name.</summary>
internal sealed class SimulatedPool(string name, ulong capacityBytes, string path)
{
    public string Name { get; } = name;

    public ulong CapacityBytes { get; } = capacityBytes;

    public string Path { get; } = path;

    public SortedDictionary<string, StorageVolumeInfo> Volumes { get; } = new(StringComparer.Ordinal);

    public ulong AllocationBytes => Volumes.Values.Aggregate(0UL, (sum, v) => sum + v.AllocationBytes);

    public StoragePoolInfo ToInfo() => new(Name, CapacityBytes, AllocationBytes, CapacityBytes - AllocationBytes, Active: true);
}
