namespace CimCloud.Providers.Hosts.Simulated;

public sealed partial class SimulatedHost
{
    /// <summary>Checks a (re)definition against the host; caller holds the lock.</summary>
    private void Validate(MachineDefinition d, SimulatedMachine? self)
    {
        if (string.IsNullOrWhiteSpace(d.Name))
            throw Invalid("the machine needs a name");
        if (_machines.Values.Any(m => m != self && string.Equals(m.Definition.Name, d.Name, StringComparison.Ordinal)))
            throw new HostException(HostErrorKind.AlreadyExists, $"a machine named {d.Name} already exists");
        if (d.VirtualCpus < 1)
            throw Invalid($"a machine needs at least one virtual CPU (got {d.VirtualCpus})");
        if (d.VirtualCpus > _settings.LogicalProcessors)
            throw new HostException(HostErrorKind.InsufficientResources, $"{d.VirtualCpus} virtual CPUs exceed the host's {_settings.LogicalProcessors}");
        if (d.MemoryBytes == 0)
            throw Invalid("a machine needs memory");
        if (d.MaxMemoryBytes < d.MemoryBytes)
            throw Invalid($"maximum memory ({d.MaxMemoryBytes} bytes) is below current memory ({d.MemoryBytes} bytes)");
        if (d.MemoryBytes > _settings.MemoryBytes)
            throw new HostException(HostErrorKind.InsufficientResources, $"{d.MemoryBytes >> 20} MiB of memory exceed the host's {_settings.MemoryBytes >> 20} MiB");

        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var disk in d.Disks)
        {
            if (string.IsNullOrWhiteSpace(disk.Target) || !targets.Add(disk.Target))
                throw Invalid($"disk target '{disk.Target}' is empty or used twice");
            if (disk.Pool is not null || disk.Volume is not null)
            {
                if (disk.Pool is null || disk.Volume is null)
                    throw Invalid($"disk {disk.Target} names a pool without a volume or a volume without a pool");
                if (!_pools.TryGetValue(disk.Pool, out var pool))
                    throw Invalid($"disk {disk.Target}: no storage pool {disk.Pool}");
                if (!pool.Volumes.ContainsKey(disk.Volume))
                    throw Invalid($"disk {disk.Target}: no volume {disk.Volume} in pool {disk.Pool}");
            }
            else if (string.IsNullOrWhiteSpace(disk.SourcePath) && disk.Kind == DiskDeviceKind.Disk)
            {
                throw Invalid($"disk {disk.Target} has no backing volume or file");
            }
        }

        var macs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var nic in d.Nics)
        {
            if (!MacAddress().IsMatch(nic.MacAddress) || !macs.Add(nic.MacAddress))
                throw Invalid($"MAC address '{nic.MacAddress}' is malformed (lower-case xx:xx:xx:xx:xx:xx) or used twice");
            if (!_networks.ContainsKey(nic.Network))
                throw Invalid($"NIC {nic.MacAddress}: no network {nic.Network}");
        }
    }

    /// <summary>The running machines' vCPUs may overcommit, memory may not; caller holds the lock.</summary>
    private void CheckRoomToStart(SimulatedMachine machine)
    {
        var used = _machines.Values.Where(m => m != machine && SimulatedStateMachine.IsActive(m.State))
            .Aggregate(0UL, (sum, m) => sum + m.Definition.MemoryBytes);
        if (used + machine.Definition.MemoryBytes > _settings.MemoryBytes)
        {
            throw new HostException(HostErrorKind.InsufficientResources,
                $"starting {machine.Definition.Name} needs {machine.Definition.MemoryBytes >> 20} MiB; {(_settings.MemoryBytes - used) >> 20} MiB are free");
        }
    }

    private static HostException Invalid(string message) => new(HostErrorKind.InvalidArgument, message);
}
