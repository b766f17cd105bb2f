namespace CimCloud.Providers.Hosts.Simulated;

public sealed partial class SimulatedHost
{
    public async ValueTask<IReadOnlyList<StoragePoolInfo>> ListStoragePoolsAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(SimulatedOperation.ListStoragePools, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            return _pools.Values.Select(p => p.ToInfo()).ToArray();
    }

    public async ValueTask<IReadOnlyList<StorageVolumeInfo>> ListVolumesAsync(string pool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        await EnterAsync(SimulatedOperation.ListVolumes, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            return Pool(pool).Volumes.Values.ToArray();
    }

    public async ValueTask<StorageVolumeInfo> CreateVolumeAsync(string pool, string name, ulong capacityBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(name);
        await EnterAsync(SimulatedOperation.CreateVolume, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            return AddVolume(Pool(pool), name, capacityBytes);
    }

    public async ValueTask DeleteVolumeAsync(string pool, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(name);
        await EnterAsync(SimulatedOperation.DeleteVolume, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var p = Pool(pool);
            if (!p.Volumes.ContainsKey(name))
                throw new HostException(HostErrorKind.NotFound, $"no volume {name} in pool {pool}");
            var user = _machines.Values.FirstOrDefault(m => m.Definition.Disks.Any(d => d.Pool == pool && d.Volume == name));
            if (user is not null)
                throw new HostException(HostErrorKind.InUse, $"volume {name} of pool {pool} is a disk of machine {user.Definition.Name}");
            p.Volumes.Remove(name);
        }
    }

    public async ValueTask<IReadOnlyList<NetworkInfo>> ListNetworksAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(SimulatedOperation.ListNetworks, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            return _networks.Values.ToArray();
    }

    internal void SeedPool(string name, ulong capacityBytes) => _pools.Add(name, new SimulatedPool(name, capacityBytes, $"/var/lib/cimcloud/{name}"));

    internal void SeedNetwork(NetworkInfo network) => _networks.Add(network.Name, network);

    internal static StorageVolumeInfo AddVolume(SimulatedPool pool, string name, ulong capacityBytes)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal))
            throw Invalid($"'{name}' is not a valid volume name");
        if (capacityBytes == 0)
            throw Invalid("a volume needs a capacity above 0 bytes");
        if (pool.Volumes.ContainsKey(name))
            throw new HostException(HostErrorKind.AlreadyExists, $"pool {pool.Name} already has a volume {name}");
        var available = pool.CapacityBytes - pool.AllocationBytes;
        if (capacityBytes > available)
            throw new HostException(HostErrorKind.InsufficientResources, $"pool {pool.Name} has {available} bytes free; {capacityBytes} asked");
        var volume = new StorageVolumeInfo(pool.Name, name, $"{pool.Path}/{name}", capacityBytes, capacityBytes);
        pool.Volumes.Add(name, volume);
        return volume;
    }

    internal SimulatedPool Pool(string name) =>
        _pools.GetValueOrDefault(name) ?? throw new HostException(HostErrorKind.NotFound, $"no storage pool {name}");
}
