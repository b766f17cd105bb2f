using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CimCloud.Providers.Hosts.Libvirt.Native;
using CimCloud.Providers.Hosts.Libvirt.State;
using CimCloud.Providers.Hosts.Libvirt.Xml;

namespace CimCloud.Providers.Hosts.Libvirt;

/// <summary>
/// The libvirt backend: an <see cref="IVirtualizationHost"/> over one libvirt connection (qemu:///system on a
/// real host, test:///default in tests). Every native call runs under one gate, so calls are serialized and
/// libvirt's thread-local error is read where it was raised. Transitions are checked against the documented
/// state machine first; device changes are made by redefining the domain (works where live attach does not).
/// </summary>
public sealed class LibvirtHost : IVirtualizationHost
{
    /// <summary>The URI <c>--provider libvirt</c> uses when none is given.</summary>
    public const string DefaultUri = "qemu:///system";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly LibvirtConnection connection;
    private readonly MachineReader machines;
    private readonly DefinitionValidator validator;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastStateChanges = new(StringComparer.Ordinal);
    private readonly string domainType;
    private bool disposed;

    private LibvirtHost(LibvirtConnection connection, TimeProvider clock)
    {
        this.connection = connection;
        this.clock = clock;
        machines = new MachineReader(connection);
        validator = new DefinitionValidator(connection);
        domainType = HostXml.PreferredDomainType(connection.Capabilities());
    }

    public string BackendName => "libvirt";

    /// <summary>The connection URI this host was opened with.</summary>
    public string Uri => connection.Uri;

    /// <summary>
    /// Opens a libvirt connection (e.g. qemu:///system, test:///default). Throws <see cref="HostException"/>
    /// when libvirt.so.0 cannot be loaded (the message says how to install it) or the URI cannot be opened.
    /// </summary>
    public static IVirtualizationHost Open(string uri) => Open(uri, TimeProvider.System);

    internal static LibvirtHost Open(string uri, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        var connection = LibvirtConnection.Open(uri);
        try
        {
            return new LibvirtHost(connection, clock);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public ValueTask<HostInfo> GetHostInfoAsync(CancellationToken cancellationToken) => RunAsync(
        () =>
        {
            var node = connection.NodeInfo();
            var name = connection.Hostname();
            var uuid = HostXml.HostUuid(connection.Capabilities()) ?? NameBasedUuid(name);
            return new HostInfo(name, uuid, (int)node.Cpus, (ulong)node.MemoryKiB * 1024, connection.HypervisorType(), connection.HypervisorVersion());
        },
        cancellationToken);

    public ValueTask<IReadOnlyList<VirtualMachineInfo>> ListMachinesAsync(CancellationToken cancellationToken) => RunAsync<IReadOnlyList<VirtualMachineInfo>>(
        () =>
        {
            var domains = connection.Domains();
            try
            {
                return domains.Select(ReadMachine)
                    .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(m => m.Uuid, StringComparer.Ordinal)
                    .ToList();
            }
            finally
            {
                domains.ForEach(d => d.Dispose());
            }
        },
        cancellationToken);

    public ValueTask<VirtualMachineInfo?> FindMachineAsync(string uuid, CancellationToken cancellationToken) => RunAsync(
        () =>
        {
            var normalized = NormalizeUuid(uuid);
            if (normalized is null)
                return null;
            using var domain = connection.FindDomain(normalized);
            return domain is null ? null : ReadMachine(domain);
        },
        cancellationToken);

    public ValueTask<VirtualMachineInfo> DefineMachineAsync(MachineDefinition definition, CancellationToken cancellationToken) => RunAsync(
        () =>
        {
            ArgumentNullException.ThrowIfNull(definition);
            var uuid = definition.Uuid is null ? null : NormalizeUuid(definition.Uuid)
                ?? throw new HostException(HostErrorKind.InvalidArgument, $"'{definition.Uuid}' is not a UUID");
            using (var sameName = connection.FindDomainByName(definition.Name))
            {
                if (sameName is not null)
                    throw new HostException(HostErrorKind.AlreadyExists, $"a machine named '{definition.Name}' already exists");
            }

            if (uuid is not null)
            {
                using var sameUuid = connection.FindDomain(uuid);
                if (sameUuid is not null)
                    throw new HostException(HostErrorKind.AlreadyExists, $"a machine with UUID {uuid} already exists");
            }

            var valid = Validate(definition with { Uuid = uuid });
            using var domain = connection.DefineDomain(DomainXmlWriter.CreateNew(valid, domainType));
            if (valid.AutoStart)
                LibvirtConnection.SetAutoStart(domain, true);
            return ReadMachine(domain);
        },
        cancellationToken);

    public ValueTask<VirtualMachineInfo> RedefineMachineAsync(MachineDefinition definition, CancellationToken cancellationToken) => RunAsync(
        () =>
        {
            ArgumentNullException.ThrowIfNull(definition);
            using var domain = FindDomainOrThrow(definition.Uuid
                ?? throw new HostException(HostErrorKind.InvalidArgument, "redefining a machine needs its UUID"));
            var uuid = LibvirtConnection.DomainUuid(domain);
            var currentName = LibvirtConnection.DomainName(domain);
            var persistent = LibvirtConnection.IsPersistent(domain);
            var currentXml = LibvirtConnection.DomainXml(domain, inactive: persistent);
            var valid = Validate(definition with { Uuid = uuid }, DomainXmlReader.Read(currentXml));

            if (!string.Equals(currentName, valid.Name, StringComparison.Ordinal))
            {
                using (var sameName = connection.FindDomainByName(valid.Name))
                {
                    if (sameName is not null)
                        throw new HostException(HostErrorKind.AlreadyExists, $"a machine named '{valid.Name}' already exists");
                }

                if (LibvirtConnection.IsActive(domain))
                    throw new HostException(HostErrorKind.InvalidState, $"machine '{currentName}' must be shut off to be renamed to '{valid.Name}'");
                LibvirtConnection.Rename(domain, valid.Name);
            }

            var xml = DomainXmlWriter.Redefine(currentXml, valid);
            using var redefined = connection.DefineDomain(xml);
            if (LibvirtConnection.AutoStart(redefined) != valid.AutoStart)
                LibvirtConnection.SetAutoStart(redefined, valid.AutoStart);
            return ReadMachine(redefined);
        },
        cancellationToken);

    public ValueTask UndefineMachineAsync(string uuid, CancellationToken cancellationToken) => new(RunAsync(
        () =>
        {
            using var domain = FindDomainOrThrow(uuid);
            var id = LibvirtConnection.DomainUuid(domain);
            var persistent = LibvirtConnection.IsPersistent(domain);
            if (LibvirtConnection.IsActive(domain))
                LibvirtConnection.Run(LibvirtNative.virDomainDestroy(domain), "virDomainDestroy");
            if (persistent)
                LibvirtConnection.Undefine(domain);
            lastStateChanges.TryRemove(id, out _);
            return true;
        },
        cancellationToken).AsTask());

    public ValueTask<VirtualMachineInfo> ChangeStateAsync(string uuid, MachineStateChange change, CancellationToken cancellationToken) => RunAsync(
        () =>
        {
            using var domain = FindDomainOrThrow(uuid);
            var from = MachineReader.RunState(domain);
            MachineTransitions.EnsureAllowed(LibvirtConnection.DomainName(domain), from, change);
            if (change == MachineStateChange.Start && from == MachineRunState.Crashed && LibvirtConnection.IsActive(domain))
                LibvirtConnection.Run(LibvirtNative.virDomainDestroy(domain), "virDomainDestroy");

            var transientDefinition = LibvirtConnection.IsPersistent(domain)
                ? null
                : DomainXmlReader.Read(LibvirtConnection.DomainXml(domain, inactive: false));
            var (result, operation) = change switch
            {
                MachineStateChange.Start => (LibvirtNative.virDomainCreate(domain), "virDomainCreate"),
                MachineStateChange.Resume => (LibvirtNative.virDomainResume(domain), "virDomainResume"),
                MachineStateChange.Destroy => (LibvirtNative.virDomainDestroy(domain), "virDomainDestroy"),
                MachineStateChange.Shutdown => (LibvirtNative.virDomainShutdown(domain), "virDomainShutdown"),
                MachineStateChange.Suspend => (LibvirtNative.virDomainSuspend(domain), "virDomainSuspend"),
                MachineStateChange.ManagedSave => (LibvirtNative.virDomainManagedSave(domain, 0), "virDomainManagedSave"),
                MachineStateChange.Reboot => (LibvirtNative.virDomainReboot(domain, 0), "virDomainReboot"),
                MachineStateChange.Reset => (LibvirtNative.virDomainReset(domain, 0), "virDomainReset"),
                _ => throw new HostException(HostErrorKind.NotSupported, $"unknown state change {change}"),
            };
            LibvirtConnection.Run(result, operation);
            var id = LibvirtConnection.DomainUuid(domain);
            lastStateChanges[id] = clock.GetUtcNow();

            // A transient machine that stopped is gone; report it as shut off rather than failing the lookup.
            using var after = connection.FindDomain(id);
            return after is not null ? ReadMachine(after)
                : transientDefinition is not null ? new VirtualMachineInfo(id, transientDefinition, MachineRunState.ShutOff, false, lastStateChanges[id])
                : throw new HostException(HostErrorKind.NotFound, $"machine {id} disappeared during {change}");
        },
        cancellationToken);

    public ValueTask<MachineStatistics> GetStatisticsAsync(string uuid, CancellationToken cancellationToken) => RunAsync(
        () =>
        {
            using var domain = FindDomainOrThrow(uuid);
            return StatisticsReader.Read(domain, clock);
        },
        cancellationToken);

    public ValueTask<IReadOnlyList<StoragePoolInfo>> ListStoragePoolsAsync(CancellationToken cancellationToken) => RunAsync<IReadOnlyList<StoragePoolInfo>>(
        () =>
        {
            var pools = connection.Pools();
            try
            {
                return pools.Select(ReadPool).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
            }
            finally
            {
                pools.ForEach(p => p.Dispose());
            }
        },
        cancellationToken);

    public ValueTask<IReadOnlyList<StorageVolumeInfo>> ListVolumesAsync(string pool, CancellationToken cancellationToken) => RunAsync<IReadOnlyList<StorageVolumeInfo>>(
        () =>
        {
            using var handle = FindPoolOrThrow(pool);
            var name = LibvirtConnection.PoolName(handle);
            var volumes = LibvirtConnection.Volumes(handle);
            try
            {
                return volumes.Select(v => ReadVolume(name, v)).OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToList();
            }
            finally
            {
                volumes.ForEach(v => v.Dispose());
            }
        },
        cancellationToken);

    public ValueTask<StorageVolumeInfo> CreateVolumeAsync(string pool, string name, ulong capacityBytes, CancellationToken cancellationToken) => RunAsync(
        () =>
        {
            if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal))
                throw new HostException(HostErrorKind.InvalidArgument, $"'{name}' is not a valid volume name");
            if (capacityBytes == 0)
                throw new HostException(HostErrorKind.InvalidArgument, $"volume '{name}': capacity must be above 0");
            using var handle = FindPoolOrThrow(pool);
            var poolName = LibvirtConnection.PoolName(handle);
            if (!LibvirtConnection.IsActive(handle))
                throw new HostException(HostErrorKind.InvalidState, $"storage pool '{poolName}' is not active");
            using (var existing = LibvirtConnection.FindVolume(handle, name))
            {
                if (existing is not null)
                    throw new HostException(HostErrorKind.AlreadyExists, $"volume '{name}' already exists in pool '{poolName}'");
            }

            var available = LibvirtConnection.PoolInfo(handle).Available;
            if (capacityBytes > available)
                throw new HostException(HostErrorKind.InsufficientResources, $"pool '{poolName}' has {available} bytes free; volume '{name}' needs {capacityBytes}");
            using var volume = LibvirtConnection.CreateVolume(handle, HostXml.NewVolume(name, capacityBytes));
            return ReadVolume(poolName, volume);
        },
        cancellationToken);

    public ValueTask DeleteVolumeAsync(string pool, string name, CancellationToken cancellationToken) => new(RunAsync(
        () =>
        {
            using var handle = FindPoolOrThrow(pool);
            var poolName = LibvirtConnection.PoolName(handle);
            using var volume = LibvirtConnection.FindVolume(handle, name)
                ?? throw new HostException(HostErrorKind.NotFound, $"volume '{name}' does not exist in pool '{poolName}'");
            var path = LibvirtConnection.VolumePath(volume);
            var user = FindVolumeUser(poolName, name, path);
            if (user is not null)
                throw new HostException(HostErrorKind.InUse, $"volume '{name}' in pool '{poolName}' is a disk of machine '{user}'");
            LibvirtConnection.DeleteVolume(volume);
            return true;
        },
        cancellationToken).AsTask());

    public ValueTask<IReadOnlyList<NetworkInfo>> ListNetworksAsync(CancellationToken cancellationToken) => RunAsync<IReadOnlyList<NetworkInfo>>(
        () =>
        {
            var networks = connection.Networks();
            try
            {
                return networks
                    .Select(n => new NetworkInfo(LibvirtConnection.NetworkName(n), LibvirtConnection.NetworkBridge(n), LibvirtConnection.IsActive(n)))
                    .OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
                    .ToList();
            }
            finally
            {
                networks.ForEach(n => n.Dispose());
            }
        },
        cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (disposed)
                return;
            disposed = true;
            connection.Dispose();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs native calls under the gate: one at a time, on one thread from start to end.</summary>
    private async ValueTask<T> RunAsync<T>(Func<T> call, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            cancellationToken.ThrowIfCancellationRequested();
            return call();
        }
        finally
        {
            gate.Release();
        }
    }

    private VirtualMachineInfo ReadMachine(DomainHandle domain)
    {
        var uuid = LibvirtConnection.DomainUuid(domain);
        return machines.Read(domain, lastStateChanges.TryGetValue(uuid, out var at) ? at : null);
    }

    private MachineDefinition Validate(MachineDefinition definition, MachineDefinition? current = null)
    {
        var node = connection.NodeInfo();
        return validator.Validate(definition, (int)node.Cpus, (ulong)node.MemoryKiB * 1024, current);
    }

    private DomainHandle FindDomainOrThrow(string uuid)
    {
        var normalized = NormalizeUuid(uuid);
        return (normalized is null ? null : connection.FindDomain(normalized))
            ?? throw new HostException(HostErrorKind.NotFound, $"no machine with UUID '{uuid}'");
    }

    private StoragePoolHandle FindPoolOrThrow(string pool) =>
        (string.IsNullOrEmpty(pool) ? null : connection.FindPool(pool))
        ?? throw new HostException(HostErrorKind.NotFound, $"storage pool '{pool}' does not exist");

    /// <summary>The name of a machine with a disk on this volume (persistent or live configuration), or null.</summary>
    private string? FindVolumeUser(string pool, string volume, string path)
    {
        var domains = connection.Domains();
        try
        {
            foreach (var domain in domains)
            {
                var configurations = new List<string> { LibvirtConnection.DomainXml(domain, inactive: false) };
                if (LibvirtConnection.IsPersistent(domain))
                    configurations.Add(LibvirtConnection.DomainXml(domain, inactive: true));
                var uses = configurations.Select(DomainXmlReader.Read).SelectMany(d => d.Disks).Any(d =>
                    (string.Equals(d.Pool, pool, StringComparison.Ordinal) && string.Equals(d.Volume, volume, StringComparison.Ordinal))
                    || string.Equals(d.SourcePath, path, StringComparison.Ordinal));
                if (uses)
                    return LibvirtConnection.DomainName(domain);
            }

            return null;
        }
        finally
        {
            domains.ForEach(d => d.Dispose());
        }
    }

    private static StoragePoolInfo ReadPool(StoragePoolHandle pool)
    {
        var info = LibvirtConnection.PoolInfo(pool);
        return new StoragePoolInfo(LibvirtConnection.PoolName(pool), info.Capacity, info.Allocation, info.Available, LibvirtConnection.IsActive(pool));
    }

    private static StorageVolumeInfo ReadVolume(string pool, StorageVolumeHandle volume)
    {
        var info = LibvirtConnection.VolumeInfo(volume);
        return new StorageVolumeInfo(pool, LibvirtConnection.VolumeName(volume), LibvirtConnection.VolumePath(volume), info.Capacity, info.Allocation);
    }

    private static string? NormalizeUuid(string? uuid) =>
        Guid.TryParse(uuid, out var guid) ? guid.ToString("D") : null;

    /// <summary>A stable UUID for a host whose capabilities carry none (the test driver): SHA-256 of its name in the UUID version 8 (custom) layout.</summary>
    private static string NameBasedUuid(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("libvirt-host:" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}
