using System.Security.Cryptography;

namespace CimCloud.Providers.Hosts.Libvirt;

/// <summary>
/// Checks a <see cref="MachineDefinition"/> before libvirt sees it, so a bad one is InvalidArgument with a clear
/// message (the test driver accepts unknown pools and networks silently): sizes, unique disk targets and MACs,
/// existing pools, volumes and networks. Empty MACs get a fresh locally administered 52:54:00 address.
/// On a redefinition, devices that are unchanged from the <c>current</c> definition are not looked up again (a
/// real host's machine may sit on a bridge or a file that is not a libvirt network or volume).
/// </summary>
internal sealed class DefinitionValidator(LibvirtConnection connection)
{
    public MachineDefinition Validate(MachineDefinition definition, int hostCpus, ulong hostMemoryBytes, MachineDefinition? current = null)
    {
        if (string.IsNullOrWhiteSpace(definition.Name))
            throw Invalid("a machine needs a name");
        if (definition.VirtualCpus < 1)
            throw Invalid($"machine '{definition.Name}': {definition.VirtualCpus} virtual CPUs (at least 1)");
        if (definition.MemoryBytes < 1024 * 1024)
            throw Invalid($"machine '{definition.Name}': memory {definition.MemoryBytes} bytes is below 1 MiB");
        if (definition.MaxMemoryBytes != 0 && definition.MaxMemoryBytes < definition.MemoryBytes)
            throw Invalid($"machine '{definition.Name}': memory {definition.MemoryBytes} exceeds its maximum {definition.MaxMemoryBytes}");
        if (definition.VirtualCpus > hostCpus)
            throw new HostException(HostErrorKind.InsufficientResources, $"machine '{definition.Name}': {definition.VirtualCpus} virtual CPUs, the host has {hostCpus}");
        if (definition.MemoryBytes > hostMemoryBytes)
            throw new HostException(HostErrorKind.InsufficientResources, $"machine '{definition.Name}': {definition.MemoryBytes} bytes of memory, the host has {hostMemoryBytes}");

        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var disk in definition.Disks)
        {
            if (string.IsNullOrWhiteSpace(disk.Target))
                throw Invalid($"machine '{definition.Name}': a disk has no target device name");
            if (!targets.Add(disk.Target))
                throw Invalid($"machine '{definition.Name}': disk target '{disk.Target}' is used twice");
            if (current?.Disks.Any(d => d with { CapacityBytes = 0 } == disk with { CapacityBytes = 0 }) != true)
                CheckBacking(definition.Name, disk);
        }

        var macs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var nics = new List<NicDefinition>();
        foreach (var nic in definition.Nics)
        {
            var mac = string.IsNullOrEmpty(nic.MacAddress) ? NewMac(macs) : nic.MacAddress.ToLowerInvariant();
            if (!IsMac(mac))
                throw Invalid($"machine '{definition.Name}': '{mac}' is not a MAC address");
            if (!macs.Add(mac))
                throw Invalid($"machine '{definition.Name}': MAC address {mac} is used twice");
            var unchanged = current?.Nics.Any(n =>
                string.Equals(n.MacAddress, mac, StringComparison.OrdinalIgnoreCase) && n.Network == nic.Network) == true;
            if (!unchanged)
            {
                using var network = connection.FindNetwork(nic.Network)
                    ?? throw Invalid($"machine '{definition.Name}': network '{nic.Network}' does not exist");
            }

            nics.Add(nic with { MacAddress = mac });
        }

        return definition with { Nics = nics };
    }

    private void CheckBacking(string machine, DiskDefinition disk)
    {
        if (disk.Pool is null && disk.Volume is null)
        {
            if (disk.Kind == DiskDeviceKind.Disk && string.IsNullOrEmpty(disk.SourcePath))
                throw Invalid($"machine '{machine}': disk '{disk.Target}' has neither a volume nor a file");
            return;
        }

        if (disk.Pool is null || disk.Volume is null)
            throw Invalid($"machine '{machine}': disk '{disk.Target}' names a volume without its pool (or a pool without a volume)");
        using var pool = connection.FindPool(disk.Pool)
            ?? throw Invalid($"machine '{machine}': disk '{disk.Target}': storage pool '{disk.Pool}' does not exist");
        using var volume = LibvirtConnection.FindVolume(pool, disk.Volume)
            ?? throw Invalid($"machine '{machine}': disk '{disk.Target}': volume '{disk.Volume}' does not exist in pool '{disk.Pool}'");
    }

    private static bool IsMac(string mac) =>
        mac.Length == 17 && mac.Split(':').All(part => part.Length == 2 && part.All(char.IsAsciiHexDigit));

    private static string NewMac(HashSet<string> taken)
    {
        Span<byte> bytes = stackalloc byte[3];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            var mac = $"52:54:00:{bytes[0]:x2}:{bytes[1]:x2}:{bytes[2]:x2}";
            if (!taken.Contains(mac))
                return mac;
        }
    }

    private static HostException Invalid(string message) => new(HostErrorKind.InvalidArgument, message);
}
