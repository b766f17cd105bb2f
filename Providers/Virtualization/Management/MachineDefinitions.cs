using CimCloud.Providers.Hosts;
using CimCloud.Providers.Virtualization.Model;
using CimCloud.Providers.Virtualization.Pools;
using CimCloud.Providers.Virtualization.Settings;

namespace CimCloud.Providers.Virtualization.Management;

/// <summary>Builds and edits <see cref="MachineDefinition"/>s from parsed settings, checking names, devices and pool capacity.</summary>
internal static class MachineDefinitions
{
    public const int DefaultVirtualCpus = 1;
    public const ulong DefaultMemoryBytes = 512 * PoolUsage.Mebibyte;

    /// <summary>A new machine (DefineSystem); <paramref name="template"/> supplies CPUs and memory when the RASDs do not.</summary>
    public static MachineDefinition Create(SystemSettingsRequest system, IReadOnlyList<ResourceRequest> requests, HostSnapshot snapshot,
        MachineDefinition? template)
    {
        if (system.Name is null)
            throw new InvalidSettingsException("SystemSettings has no ElementName (the new machine's name)");
        if (snapshot.Machines.Any(m => string.Equals(m.Name, system.Name, StringComparison.Ordinal)))
            throw new InvalidSettingsException($"a machine named '{system.Name}' already exists");
        if (system.Uuid is not null && snapshot.FindMachine(system.Uuid) is not null)
            throw new InvalidSettingsException($"a machine with UUID {system.Uuid} already exists");
        var processors = requests.OfType<ProcessorRequest>().ToList();
        var memories = requests.OfType<MemoryRequest>().ToList();
        if (processors.Count > 1 || memories.Count > 1)
            throw new InvalidSettingsException("ResourceSettings holds more than one processor or memory RASD");
        var cpus = processors.FirstOrDefault()?.VirtualCpus ?? template?.VirtualCpus ?? DefaultVirtualCpus;
        var memory = memories.FirstOrDefault();
        var bytes = memory?.Bytes ?? template?.MemoryBytes ?? DefaultMemoryBytes;
        var max = memory?.LimitBytes ?? (memory is null ? template?.MaxMemoryBytes : null) ?? bytes;
        CheckMemory(snapshot, bytes, null);
        var definition = new MachineDefinition(system.Name, system.Uuid, cpus, bytes, Math.Max(max, bytes), [], [], system.Description,
            system.AutoStart ?? false);
        return AddDevices(definition, requests, creating: true, out _);
    }

    /// <summary>
    /// Adds the disks and NICs of <paramref name="requests"/>; <paramref name="added"/> lists them in order. Processor and
    /// memory requests are taken care of by the caller when <paramref name="creating"/>, and refused otherwise (AddResourceSettings).
    /// </summary>
    public static MachineDefinition AddDevices(MachineDefinition definition, IReadOnlyList<ResourceRequest> requests, bool creating,
        out List<ResourceRequest> added)
    {
        var disks = definition.Disks.ToList();
        var nics = definition.Nics.ToList();
        added = [];
        foreach (var request in requests)
        {
            switch (request)
            {
                case DiskRequest disk:
                {
                    var target = disk.Target ?? RasdParser.NextTarget(disks.Select(d => d.Target));
                    if (disks.Any(d => d.Target == target))
                        throw new InvalidSettingsException($"the machine already has a disk {target}");
                    if (disk.Disk.Volume is not null && disks.Any(d => d.Pool == disk.Disk.Pool && d.Volume == disk.Disk.Volume))
                        throw new InvalidSettingsException($"volume {disk.Disk.Pool}/{disk.Disk.Volume} is already a disk of the machine");
                    var placed = disk.Disk with { Target = target };
                    disks.Add(placed);
                    added.Add(disk with { Target = target, Disk = placed });
                    break;
                }

                case NicRequest nic:
                    if (nics.Any(n => string.Equals(n.MacAddress, nic.Nic.MacAddress, StringComparison.OrdinalIgnoreCase)))
                        throw new InvalidSettingsException($"the machine already has a NIC with MAC {nic.Nic.MacAddress}");
                    nics.Add(nic.Nic);
                    added.Add(nic);
                    break;
                case ProcessorRequest or MemoryRequest when !creating:
                    throw new InvalidSettingsException(
                        "a machine has exactly one processor and one memory RASD; change them with ModifyResourceSettings");
            }
        }

        return definition with { Disks = disks, Nics = nics };
    }

    public static void CheckMemory(HostSnapshot snapshot, ulong bytes, string? exceptUuid)
    {
        var free = PoolUsage.MemoryFreeMiB(snapshot, exceptUuid);
        var wanted = (bytes + PoolUsage.Mebibyte - 1) / PoolUsage.Mebibyte;
        if (wanted > free)
        {
            throw new HostException(HostErrorKind.InsufficientResources,
                $"{wanted} MiB of memory exceed what the memory pool has left ({free} MiB of {PoolUsage.MemoryCapacityMiB(snapshot)} MiB)");
        }
    }
}
