namespace CimCloud.Providers.Hosts;

/// <summary>The physical host: identity and capacity.</summary>
public sealed record HostInfo(
    string Name,
    string Uuid,
    int LogicalProcessors,
    ulong MemoryBytes,
    string Hypervisor,
    string HypervisorVersion);

/// <summary>Run state of a machine as the backend reports it (libvirt's domain states, plus Saved).</summary>
public enum MachineRunState
{
    NoState,
    Running,
    Blocked,
    Paused,
    ShuttingDown,
    ShutOff,
    Crashed,

    /// <summary>Shut off with a managed-save image: the next start restores it (CIM "Enabled but Offline").</summary>
    Saved,
}

/// <summary>
/// A requested transition. Allowed (from → to): Start from ShutOff/Saved/Crashed; Resume from Paused;
/// Destroy (hard off) from Running/Blocked/Paused/ShuttingDown; Shutdown (graceful) from Running/Blocked;
/// Suspend (pause) from Running/Blocked; ManagedSave from Running/Blocked/Paused; Reboot and Reset from
/// Running/Blocked/Paused. Anything else is <see cref="HostErrorKind.InvalidState"/>.
/// </summary>
public enum MachineStateChange
{
    Start,
    Resume,
    Destroy,
    Shutdown,
    Suspend,
    ManagedSave,
    Reboot,
    Reset,
}

public enum DiskDeviceKind
{
    Disk,
    CdRom,
}

/// <summary>
/// A disk of a machine. <see cref="Target"/> is the guest device name (vda, vdb, hdc). The backing is a
/// volume in a storage pool (<see cref="Pool"/> + <see cref="Volume"/>) or a plain file
/// (<see cref="SourcePath"/>); <see cref="CapacityBytes"/> is the volume's size (0 when unknown).
/// </summary>
public sealed record DiskDefinition(
    string Target,
    string? Pool,
    string? Volume,
    string? SourcePath,
    ulong CapacityBytes,
    DiskDeviceKind Kind = DiskDeviceKind.Disk,
    bool ReadOnly = false);

/// <summary>A network interface: MAC (lower-case, colon separated), the network it attaches to, the model.</summary>
public sealed record NicDefinition(string MacAddress, string Network, string Model = "virtio");

/// <summary>What a machine is made of. Lists are in device order.</summary>
public sealed record MachineDefinition(
    string Name,
    string? Uuid,
    int VirtualCpus,
    ulong MemoryBytes,
    ulong MaxMemoryBytes,
    IReadOnlyList<DiskDefinition> Disks,
    IReadOnlyList<NicDefinition> Nics,
    string? Description = null,
    bool AutoStart = false);

/// <summary>A machine now: its definition and run state.</summary>
public sealed record VirtualMachineInfo(
    string Uuid,
    MachineDefinition Definition,
    MachineRunState State,
    bool Persistent,
    DateTimeOffset? LastStateChange)
{
    public string Name => Definition.Name;
}

public sealed record DiskStatistics(string Target, ulong ReadBytes, ulong WriteBytes, ulong ReadRequests, ulong WriteRequests);

public sealed record NicStatistics(string MacAddress, ulong ReceivedBytes, ulong TransmittedBytes, ulong ReceivedPackets, ulong TransmittedPackets);

/// <summary>Statistics taken at <see cref="TakenAt"/>: counters grow monotonically while a machine runs.</summary>
public sealed record MachineStatistics(
    string Uuid,
    DateTimeOffset TakenAt,
    ulong CpuTimeNanoseconds,
    ulong MemoryUsedBytes,
    IReadOnlyList<DiskStatistics> Disks,
    IReadOnlyList<NicStatistics> Nics);

public sealed record StoragePoolInfo(string Name, ulong CapacityBytes, ulong AllocationBytes, ulong AvailableBytes, bool Active);

public sealed record StorageVolumeInfo(string Pool, string Name, string Path, ulong CapacityBytes, ulong AllocationBytes);

public sealed record NetworkInfo(string Name, string? Bridge, bool Active);
