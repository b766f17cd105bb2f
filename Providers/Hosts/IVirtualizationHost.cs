namespace CimCloud.Providers.Hosts;

/// <summary>
/// One virtualization host as the CIM providers see it: machines, their definitions and run state,
/// storage pools and volumes, networks and statistics. Backends (simulated, libvirt) implement it;
/// nothing here knows CIM, WS-Man or XML. Machines are identified by their UUID (lower-case, with
/// dashes). Every failure is a <see cref="HostException"/> with a <see cref="HostErrorKind"/>; calls
/// are thread-safe. A call may take time (a real hypervisor, or the simulated host's configured delay):
/// callers pass a cancellation token and may give up waiting.
/// </summary>
public interface IVirtualizationHost : IAsyncDisposable
{
    /// <summary>"simulated" or "libvirt" (used in VirtualSystemType, logs and the profile registrations).</summary>
    string BackendName { get; }

    ValueTask<HostInfo> GetHostInfoAsync(CancellationToken cancellationToken);

    /// <summary>All machines, defined (persistent) and transient, in a stable order (by name).</summary>
    ValueTask<IReadOnlyList<VirtualMachineInfo>> ListMachinesAsync(CancellationToken cancellationToken);

    /// <summary>The machine with this UUID, or null.</summary>
    ValueTask<VirtualMachineInfo?> FindMachineAsync(string uuid, CancellationToken cancellationToken);

    /// <summary>
    /// Defines a new persistent machine (shut off). A null <see cref="MachineDefinition.Uuid"/> gets a new
    /// one. AlreadyExists when the name or UUID is taken; InvalidArgument for a bad definition (unknown
    /// pool/network/volume, duplicate target or MAC); InsufficientResources when the host cannot hold it.
    /// </summary>
    ValueTask<VirtualMachineInfo> DefineMachineAsync(MachineDefinition definition, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the definition of an existing machine (same UUID): name, description, CPUs, memory,
    /// disks, NICs. On a running machine the new definition applies to the persistent configuration
    /// (and live where the backend can).
    /// </summary>
    ValueTask<VirtualMachineInfo> RedefineMachineAsync(MachineDefinition definition, CancellationToken cancellationToken);

    /// <summary>Removes a machine's definition; a running machine is stopped (hard) first. NotFound when unknown.</summary>
    ValueTask UndefineMachineAsync(string uuid, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one state transition. InvalidState when the transition is not allowed from the current
    /// state (see <see cref="MachineStateChange"/>); NotFound when unknown.
    /// </summary>
    ValueTask<VirtualMachineInfo> ChangeStateAsync(string uuid, MachineStateChange change, CancellationToken cancellationToken);

    /// <summary>Counters and gauges of a machine now (CPU time, memory, per-disk and per-NIC I/O).</summary>
    ValueTask<MachineStatistics> GetStatisticsAsync(string uuid, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<StoragePoolInfo>> ListStoragePoolsAsync(CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<StorageVolumeInfo>> ListVolumesAsync(string pool, CancellationToken cancellationToken);

    /// <summary>Creates a volume; InsufficientResources when the pool has no room, AlreadyExists, NotFound (pool).</summary>
    ValueTask<StorageVolumeInfo> CreateVolumeAsync(string pool, string name, ulong capacityBytes, CancellationToken cancellationToken);

    /// <summary>Deletes a volume; InUse when a machine's disk uses it, NotFound when unknown.</summary>
    ValueTask DeleteVolumeAsync(string pool, string name, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<NetworkInfo>> ListNetworksAsync(CancellationToken cancellationToken);
}
