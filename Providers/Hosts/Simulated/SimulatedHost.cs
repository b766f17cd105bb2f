using System.Text.RegularExpressions;

namespace CimCloud.Providers.Hosts.Simulated;

/// <summary>
/// An in-memory <see cref="IVirtualizationHost"/> seeded like libvirt's <c>test:///default</c> driver (see
/// <see cref="SimulatedInventory"/>): deterministic for a given <see cref="SimulatedHostSettings.Seed"/>,
/// thread-safe (one lock; no call blocks while holding it), with the documented state machine, counters that
/// grow with the <see cref="TimeProvider"/> while a machine runs, a per-call delay and injected failures.
/// </summary>
public sealed partial class SimulatedHost : IVirtualizationHost
{
    private readonly Lock _gate = new();
    private readonly SimulatedHostSettings _settings;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Dictionary<string, SimulatedMachine> _machines = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedDictionary<string, SimulatedPool> _pools = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, NetworkInfo> _networks = new(StringComparer.Ordinal);
    private long _failingCalls;

    public SimulatedHost(SimulatedHostSettings? settings = null, TimeProvider? time = null)
    {
        _settings = settings ?? new SimulatedHostSettings();
        _time = time ?? TimeProvider.System;
        _random = new Random(_settings.Seed);
        SimulatedInventory.Seed(this);
    }

    public string BackendName => "simulated";

    public SimulatedHostSettings Settings => _settings;

    public async ValueTask<HostInfo> GetHostInfoAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(SimulatedOperation.GetHostInfo, cancellationToken).ConfigureAwait(false);
        return new HostInfo(_settings.HostName, HostUuid, _settings.LogicalProcessors, _settings.MemoryBytes, "simulated", "1.0.0");
    }

    public async ValueTask<IReadOnlyList<VirtualMachineInfo>> ListMachinesAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(SimulatedOperation.ListMachines, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            return _machines.Values.Select(m => m.ToInfo()).OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();
    }

    public async ValueTask<VirtualMachineInfo?> FindMachineAsync(string uuid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        await EnterAsync(SimulatedOperation.FindMachine, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            return _machines.GetValueOrDefault(uuid)?.ToInfo();
    }

    public async ValueTask<VirtualMachineInfo> DefineMachineAsync(MachineDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await EnterAsync(SimulatedOperation.DefineMachine, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var uuid = definition.Uuid is null ? NewUuid() : NormalizeUuid(definition.Uuid);
            if (_machines.ContainsKey(uuid))
                throw new HostException(HostErrorKind.AlreadyExists, $"a machine with UUID {uuid} already exists");
            Validate(definition, self: null);
            var machine = new SimulatedMachine(uuid, definition, MachineRunState.ShutOff, _time.GetUtcNow());
            _machines.Add(uuid, machine);
            return machine.ToInfo();
        }
    }

    public async ValueTask<VirtualMachineInfo> RedefineMachineAsync(MachineDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await EnterAsync(SimulatedOperation.RedefineMachine, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (definition.Uuid is null)
                throw new HostException(HostErrorKind.InvalidArgument, "a redefinition must name the machine's UUID");
            var machine = Machine(NormalizeUuid(definition.Uuid));
            Validate(definition, machine);
            machine.Definition = definition with { Uuid = machine.Uuid };
            return machine.ToInfo();
        }
    }

    public async ValueTask UndefineMachineAsync(string uuid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        await EnterAsync(SimulatedOperation.UndefineMachine, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            _machines.Remove(Machine(uuid).Uuid);
    }

    public async ValueTask<VirtualMachineInfo> ChangeStateAsync(string uuid, MachineStateChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        await EnterAsync(SimulatedOperation.ChangeState, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var machine = Machine(uuid);
            var next = SimulatedStateMachine.Apply(machine.State, change)
                ?? throw new HostException(HostErrorKind.InvalidState, $"cannot {change} machine {machine.Definition.Name} while it is {machine.State}");
            if (change == MachineStateChange.Start && machine.State is not MachineRunState.Saved)
                CheckRoomToStart(machine);
            machine.SetState(next, _time.GetUtcNow());
            return machine.ToInfo();
        }
    }

    public async ValueTask<MachineStatistics> GetStatisticsAsync(string uuid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        await EnterAsync(SimulatedOperation.GetStatistics, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            return Machine(uuid).Statistics(_time.GetUtcNow());
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal string HostUuid { get; } = "5f2b5a4e-6c1d-4c3a-9a55-0c1a5e7d0001";

    internal void SeedMachine(MachineDefinition definition, MachineRunState state)
    {
        var machine = new SimulatedMachine(NormalizeUuid(definition.Uuid!), definition, state, _time.GetUtcNow());
        _machines.Add(machine.Uuid, machine);
    }

    /// <summary>The per-call delay, then the injected failure if this call is one of them.</summary>
    private async ValueTask EnterAsync(SimulatedOperation operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_settings.Delay > TimeSpan.Zero)
            await Task.Delay(_settings.Delay, _time, cancellationToken).ConfigureAwait(false);
        var failing = _settings.FailOperations;
        if (failing.Count > 0 && (failing.Contains("*") || failing.Contains(operation.ToString()))
            && Interlocked.Increment(ref _failingCalls) % _settings.FailEvery == 0)
        {
            throw new HostException(HostErrorKind.Failed, $"injected failure of {operation} (simulated host settings)");
        }
    }

    private SimulatedMachine Machine(string uuid) =>
        _machines.GetValueOrDefault(uuid) ?? throw new HostException(HostErrorKind.NotFound, $"no machine with UUID {uuid}");

    private string NewUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        string uuid;
        do
        {
            _random.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (Guid's byte order puts the version in byte 7)
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            uuid = new Guid(bytes).ToString("D");
        }
        while (_machines.ContainsKey(uuid));
        return uuid;
    }

    private static string NormalizeUuid(string uuid) =>
        Guid.TryParse(uuid, out var guid)
            ? guid.ToString("D")
            : throw new HostException(HostErrorKind.InvalidArgument, $"'{uuid}' is not a UUID");

    /// <summary>Generates a MAC address in the locally administered 52:54:00 range, not used by any machine.</summary>
    internal string NewMacAddress()
    {
        lock (_gate)
        {
            while (true)
            {
                var mac = $"52:54:00:{_random.Next(256):x2}:{_random.Next(256):x2}:{_random.Next(256):x2}";
                if (!_machines.Values.Any(m => m.Definition.Nics.Any(n => n.MacAddress == mac)))
                    return mac;
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$")]
    private static partial Regex MacAddress();
}
