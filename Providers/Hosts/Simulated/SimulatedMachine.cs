namespace CimCloud.Providers.Hosts.Simulated;

/// <summary>
/// The mutable state of one simulated machine (guarded by the host's lock): its definition, run state,
/// and the running time its counters are derived from.
/// </summary>
internal sealed class SimulatedMachine(string uuid, MachineDefinition definition, MachineRunState state, DateTimeOffset now)
{
    // Counters per second of vCPU run time: deterministic "load" of a simulated guest.
    private const ulong DiskReadBytesPerSecond = 512 * 1024;
    private const ulong DiskWriteBytesPerSecond = 128 * 1024;
    private const ulong NicReceivedBytesPerSecond = 64 * 1024;
    private const ulong NicTransmittedBytesPerSecond = 32 * 1024;

    private TimeSpan _runTime;
    private DateTimeOffset? _runningSince = SimulatedStateMachine.IsRunning(state) ? now : null;

    public string Uuid { get; } = uuid;

    public MachineDefinition Definition { get; set; } = definition with { Uuid = uuid };

    public MachineRunState State { get; private set; } = state;

    public DateTimeOffset? LastStateChange { get; private set; } = now;

    public void SetState(MachineRunState state, DateTimeOffset now)
    {
        _runTime = RunTime(now);
        _runningSince = SimulatedStateMachine.IsRunning(state) ? now : null;
        State = state;
        LastStateChange = now;
    }

    public VirtualMachineInfo ToInfo() => new(Uuid, Definition, State, Persistent: true, LastStateChange);

    public MachineStatistics Statistics(DateTimeOffset now)
    {
        var seconds = RunTime(now).TotalSeconds;
        ulong Grow(ulong perSecond, int index) => (ulong)(seconds * perSecond * (index + 1));
        var d = Definition;
        return new MachineStatistics(
            Uuid,
            now,
            CpuTimeNanoseconds: (ulong)(RunTime(now).Ticks * 100 * d.VirtualCpus / 4),
            MemoryUsedBytes: SimulatedStateMachine.IsActive(State) ? d.MemoryBytes / 4 * 3 : 0,
            d.Disks.Select((disk, i) => new DiskStatistics(disk.Target, Grow(DiskReadBytesPerSecond, i), Grow(DiskWriteBytesPerSecond, i),
                Grow(DiskReadBytesPerSecond, i) / 4096, Grow(DiskWriteBytesPerSecond, i) / 4096)).ToArray(),
            d.Nics.Select((nic, i) => new NicStatistics(nic.MacAddress, Grow(NicReceivedBytesPerSecond, i), Grow(NicTransmittedBytesPerSecond, i),
                Grow(NicReceivedBytesPerSecond, i) / 1500, Grow(NicTransmittedBytesPerSecond, i) / 1500)).ToArray());
    }

    private TimeSpan RunTime(DateTimeOffset now) =>
        _runningSince is { } since && now > since ? _runTime + (now - since) : _runTime;
}
