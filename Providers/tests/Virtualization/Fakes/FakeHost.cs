using CimCloud.Providers.Hosts;

namespace CimCloud.Providers.Tests.Virtualization.Fakes;

/// <summary>
/// A small in-memory host for the provider tests: host <c>fake-host</c> (8 CPUs, 4 GiB), a running VM
/// <c>test</c> (2 vCPUs, 1 GiB, disk vda on default-pool/test.img, NIC 52:54:00:00:00:01 on network default),
/// pool <c>default-pool</c> (10 GiB), networks <c>default</c> and <c>isolated</c>. While <see cref="Hold"/>
/// is set, mutating calls wait for it (so a test can make a call outlive the job threshold).
/// </summary>
internal sealed class FakeHost : IVirtualizationHost
{
    public const string TestUuid = "6695eb01-f6a4-8304-79aa-97f2502e193f";
    public const ulong GiB = 1UL << 30;
    public const ulong MiB = 1UL << 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, VirtualMachineInfo> _machines = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<StorageVolumeInfo> _volumes = [new("default-pool", "test.img", "/pool/test.img", GiB, GiB)];
    private long _ticks;

    public FakeHost()
    {
        var test = new MachineDefinition("test", TestUuid, 2, GiB, 2 * GiB,
            [new DiskDefinition("vda", "default-pool", "test.img", "/pool/test.img", GiB)], [new NicDefinition("52:54:00:00:00:01", "default")]);
        _machines[TestUuid] = new VirtualMachineInfo(TestUuid, test, MachineRunState.Running, true, null);
    }

    /// <summary>When set, mutating calls wait until it completes.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public string BackendName => "fake";

    public int MutationCount { get; private set; }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public ValueTask<HostInfo> GetHostInfoAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new HostInfo("fake-host", "00000000-0000-0000-0000-000000000001", 8, 4 * GiB, "Fake", "1.0"));

    public ValueTask<IReadOnlyList<VirtualMachineInfo>> ListMachinesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
            return ValueTask.FromResult<IReadOnlyList<VirtualMachineInfo>>([.. _machines.Values.OrderBy(m => m.Name, StringComparer.Ordinal)]);
    }

    public ValueTask<VirtualMachineInfo?> FindMachineAsync(string uuid, CancellationToken cancellationToken)
    {
        lock (_gate)
            return ValueTask.FromResult(_machines.GetValueOrDefault(uuid));
    }

    public async ValueTask<VirtualMachineInfo> DefineMachineAsync(MachineDefinition definition, CancellationToken cancellationToken)
    {
        await WaitAsync();
        lock (_gate)
        {
            if (_machines.Values.Any(m => m.Name == definition.Name))
                throw new HostException(HostErrorKind.AlreadyExists, $"machine {definition.Name} exists");
            Validate(definition);
            var uuid = definition.Uuid ?? Guid.NewGuid().ToString("D");
            var info = new VirtualMachineInfo(uuid, definition with { Uuid = uuid }, MachineRunState.ShutOff, true, null);
            _machines[uuid] = info;
            MutationCount++;
            return info;
        }
    }

    public async ValueTask<VirtualMachineInfo> RedefineMachineAsync(MachineDefinition definition, CancellationToken cancellationToken)
    {
        await WaitAsync();
        lock (_gate)
        {
            var existing = _machines.GetValueOrDefault(definition.Uuid ?? string.Empty)
                ?? throw new HostException(HostErrorKind.NotFound, $"no machine {definition.Uuid}");
            Validate(definition);
            var info = existing with { Definition = definition };
            _machines[existing.Uuid] = info;
            MutationCount++;
            return info;
        }
    }

    public async ValueTask UndefineMachineAsync(string uuid, CancellationToken cancellationToken)
    {
        await WaitAsync();
        lock (_gate)
        {
            if (!_machines.Remove(uuid))
                throw new HostException(HostErrorKind.NotFound, $"no machine {uuid}");
            MutationCount++;
        }
    }

    public async ValueTask<VirtualMachineInfo> ChangeStateAsync(string uuid, MachineStateChange change, CancellationToken cancellationToken)
    {
        await WaitAsync();
        lock (_gate)
        {
            var m = _machines.GetValueOrDefault(uuid) ?? throw new HostException(HostErrorKind.NotFound, $"no machine {uuid}");
            var running = m.State is MachineRunState.Running or MachineRunState.Blocked;
            var paused = m.State == MachineRunState.Paused;
            MachineRunState? next = change switch
            {
                MachineStateChange.Start when m.State is MachineRunState.ShutOff or MachineRunState.Saved or MachineRunState.Crashed => MachineRunState.Running,
                MachineStateChange.Resume when paused => MachineRunState.Running,
                MachineStateChange.Destroy when running || paused || m.State == MachineRunState.ShuttingDown => MachineRunState.ShutOff,
                MachineStateChange.Shutdown when running => MachineRunState.ShutOff,
                MachineStateChange.Suspend when running => MachineRunState.Paused,
                MachineStateChange.ManagedSave when running || paused => MachineRunState.Saved,
                MachineStateChange.Reboot or MachineStateChange.Reset when running || paused => MachineRunState.Running,
                _ => null,
            };
            if (next is null)
                throw new HostException(HostErrorKind.InvalidState, $"{change} is not allowed in state {m.State}");
            var info = m with { State = next.Value, LastStateChange = DateTimeOffset.UnixEpoch.AddSeconds(++_ticks) };
            _machines[uuid] = info;
            MutationCount++;
            return info;
        }
    }

    public ValueTask<MachineStatistics> GetStatisticsAsync(string uuid, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var m = _machines.GetValueOrDefault(uuid) ?? throw new HostException(HostErrorKind.NotFound, $"no machine {uuid}");
            if (m.State is not (MachineRunState.Running or MachineRunState.Paused))
                throw new HostException(HostErrorKind.InvalidState, "not running");
            var t = (ulong)++_ticks;
            return ValueTask.FromResult(new MachineStatistics(uuid, DateTimeOffset.UnixEpoch.AddSeconds(t), t * 1000, m.Definition.MemoryBytes / 2,
                [.. m.Definition.Disks.Select(d => new DiskStatistics(d.Target, t * 10, t * 20, t, t))],
                [.. m.Definition.Nics.Select(n => new NicStatistics(n.MacAddress, t * 30, t * 40, t, t))]));
        }
    }

    public ValueTask<IReadOnlyList<StoragePoolInfo>> ListStoragePoolsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var used = _volumes.Aggregate(0UL, (a, v) => a + v.CapacityBytes);
            return ValueTask.FromResult<IReadOnlyList<StoragePoolInfo>>([new StoragePoolInfo("default-pool", 10 * GiB, used, (10 * GiB) - used, true)]);
        }
    }

    public ValueTask<IReadOnlyList<StorageVolumeInfo>> ListVolumesAsync(string pool, CancellationToken cancellationToken)
    {
        lock (_gate)
            return ValueTask.FromResult<IReadOnlyList<StorageVolumeInfo>>([.. _volumes.Where(v => v.Pool == pool)]);
    }

    public async ValueTask<StorageVolumeInfo> CreateVolumeAsync(string pool, string name, ulong capacityBytes, CancellationToken cancellationToken)
    {
        await WaitAsync();
        lock (_gate)
        {
            if (pool != "default-pool")
                throw new HostException(HostErrorKind.NotFound, $"no pool {pool}");
            if (_volumes.Any(v => v.Name == name))
                throw new HostException(HostErrorKind.AlreadyExists, $"volume {name} exists");
            var volume = new StorageVolumeInfo(pool, name, "/pool/" + name, capacityBytes, capacityBytes);
            _volumes.Add(volume);
            MutationCount++;
            return volume;
        }
    }

    public async ValueTask DeleteVolumeAsync(string pool, string name, CancellationToken cancellationToken)
    {
        await WaitAsync();
        lock (_gate)
        {
            if (_machines.Values.Any(m => m.Definition.Disks.Any(d => d.Pool == pool && d.Volume == name)))
                throw new HostException(HostErrorKind.InUse, $"volume {name} is in use");
            if (_volumes.RemoveAll(v => v.Pool == pool && v.Name == name) == 0)
                throw new HostException(HostErrorKind.NotFound, $"no volume {name}");
            MutationCount++;
        }
    }

    public ValueTask<IReadOnlyList<NetworkInfo>> ListNetworksAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<NetworkInfo>>([new NetworkInfo("default", "virbr0", true), new NetworkInfo("isolated", null, true)]);

    private void Validate(MachineDefinition definition)
    {
        foreach (var disk in definition.Disks.Where(d => d.Volume is not null))
        {
            if (!_volumes.Any(v => v.Pool == disk.Pool && v.Name == disk.Volume))
                throw new HostException(HostErrorKind.InvalidArgument, $"no volume {disk.Pool}/{disk.Volume}");
        }
    }

    private Task WaitAsync() => Hold?.Task ?? Task.CompletedTask;
}
