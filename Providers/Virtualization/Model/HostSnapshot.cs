using CimCloud.Providers.Hosts;

namespace CimCloud.Providers.Virtualization.Model;

/// <summary>One read of the host: identity, machines, pools with their volumes, networks and statistics of active (running, paused) machines.</summary>
internal sealed record HostSnapshot(
    HostInfo Host,
    IReadOnlyList<VirtualMachineInfo> Machines,
    IReadOnlyList<StoragePoolInfo> StoragePools,
    IReadOnlyDictionary<string, IReadOnlyList<StorageVolumeInfo>> Volumes,
    IReadOnlyList<NetworkInfo> Networks,
    IReadOnlyDictionary<string, MachineStatistics> Statistics,
    string BackendName)
{
    public VirtualMachineInfo? FindMachine(string uuid) =>
        Machines.FirstOrDefault(m => string.Equals(m.Uuid, uuid, StringComparison.OrdinalIgnoreCase));

    public static async ValueTask<HostSnapshot> ReadAsync(IVirtualizationHost host, CancellationToken cancellationToken)
    {
        var info = await host.GetHostInfoAsync(cancellationToken).ConfigureAwait(false);
        var machines = await host.ListMachinesAsync(cancellationToken).ConfigureAwait(false);
        var pools = await host.ListStoragePoolsAsync(cancellationToken).ConfigureAwait(false);
        var volumes = new Dictionary<string, IReadOnlyList<StorageVolumeInfo>>(StringComparer.Ordinal);
        foreach (var pool in pools)
        {
            try
            {
                volumes[pool.Name] = await host.ListVolumesAsync(pool.Name, cancellationToken).ConfigureAwait(false);
            }
            catch (HostException e) when (e.Kind is HostErrorKind.NotFound or HostErrorKind.InvalidState)
            {
                volumes[pool.Name] = [];
            }
        }

        var networks = await host.ListNetworksAsync(cancellationToken).ConfigureAwait(false);
        var statistics = new Dictionary<string, MachineStatistics>(StringComparer.OrdinalIgnoreCase);
        foreach (var machine in machines.Where(m => Systems.StateMapping.IsActive(m.State)))
        {
            try
            {
                statistics[machine.Uuid] = await host.GetStatisticsAsync(machine.Uuid, cancellationToken).ConfigureAwait(false);
            }
            catch (HostException)
            {
                // Not running or gone meanwhile: no metric values for it in this snapshot.
            }
        }

        return new HostSnapshot(info, machines, pools, volumes, networks, statistics, host.BackendName);
    }
}
