using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Virtualization.Model;
using CimCloud.Providers.Virtualization.Settings;

namespace CimCloud.Providers.Virtualization.Management;

/// <summary>AddResourceSettings, RemoveResourceSettings and ModifyResourceSettings.</summary>
internal sealed partial class VirtualSystemManagementProvider
{
    private async ValueTask<CimMethodResult> AddResourceSettingsAsync(CimObjectPath target, IReadOnlyDictionary<string, object?> p, CancellationToken ct)
    {
        var snapshot = await FreshSnapshotAsync(ct).ConfigureAwait(false);
        var configuration = MethodParameters.Reference(p, "AffectedConfiguration")
            ?? throw new InvalidSettingsException("AffectedConfiguration (the machine's VSSD) is missing");
        var machine = MachineOfSettings(snapshot, configuration);
        var requests = MethodParameters.Instances(p, "ResourceSettings").Select(r => RasdParser.Parse(r, snapshot)).ToList();
        if (requests.Count == 0)
            throw new InvalidSettingsException("ResourceSettings is empty");
        var definition = MachineDefinitions.AddDevices(machine.Definition, requests, creating: false, out var added);
        var resulting = added.Select(r => PathOf(machine.Uuid, r)).ToArray();
        return await RedefineAsync("AddResourceSettings", target, definition, ct, resulting).ConfigureAwait(false);
    }

    private async ValueTask<CimMethodResult> RemoveResourceSettingsAsync(CimObjectPath target, IReadOnlyDictionary<string, object?> p, CancellationToken ct)
    {
        var snapshot = await FreshSnapshotAsync(ct).ConfigureAwait(false);
        var references = MethodParameters.References(p, "ResourceSettings");
        if (references.Count == 0)
            throw new InvalidSettingsException("ResourceSettings (references to the RASDs to remove) is empty");
        var edited = new Dictionary<string, MachineDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in references)
        {
            var (machine, kind, detail) = Locate(snapshot, ModelPaths.KeyOf(reference, "InstanceID"));
            var definition = edited.GetValueOrDefault(machine.Uuid) ?? machine.Definition;
            edited[machine.Uuid] = kind switch
            {
                "disk" => definition with { Disks = [.. definition.Disks.Where(d => d.Target != detail)] },
                "nic" => definition with { Nics = [.. definition.Nics.Where(n => !SameMac(n.MacAddress, detail))] },
                _ => throw new InvalidSettingsException($"the {kind} RASD of a machine cannot be removed; change it with ModifyResourceSettings"),
            };
        }

        if (edited.Count > 1)
            throw new InvalidSettingsException("ResourceSettings refers to RASDs of more than one machine; remove them one machine at a time");
        return await RedefineAsync("RemoveResourceSettings", target, edited.Values.Single(), ct).ConfigureAwait(false);
    }

    private async ValueTask<CimMethodResult> ModifyResourceSettingsAsync(CimObjectPath target, IReadOnlyDictionary<string, object?> p, CancellationToken ct)
    {
        var snapshot = await FreshSnapshotAsync(ct).ConfigureAwait(false);
        var settings = MethodParameters.Instances(p, "ResourceSettings");
        if (settings.Count == 0)
            throw new InvalidSettingsException("ResourceSettings is empty");
        VirtualMachineInfo? machine = null;
        MachineDefinition? definition = null;
        var resulting = new List<CimObjectPath>();
        foreach (var rasd in settings)
        {
            var (owner, kind, detail) = Locate(snapshot, SettingValues.String(rasd, "InstanceID"));
            if (machine is not null && machine.Uuid != owner.Uuid)
                throw new InvalidSettingsException("ResourceSettings holds RASDs of more than one machine; modify them one machine at a time");
            machine = owner;
            definition ??= owner.Definition;
            var request = RasdParser.Parse(rasd, snapshot);
            definition = Apply(snapshot, owner.Uuid, definition, kind, detail, request);
            resulting.Add(PathOf(owner.Uuid, request is DiskRequest d ? d with { Target = detail } : request));
        }

        return await RedefineAsync("ModifyResourceSettings", target, definition!, ct, [.. resulting]).ConfigureAwait(false);
    }

    private static MachineDefinition Apply(HostSnapshot snapshot, string uuid, MachineDefinition definition, string kind, string? detail,
        ResourceRequest request)
    {
        switch (kind, request)
        {
            case ("proc", ProcessorRequest proc):
                return definition with { VirtualCpus = proc.VirtualCpus };
            case ("mem", MemoryRequest mem):
                MachineDefinitions.CheckMemory(snapshot, mem.Bytes, uuid);
                return definition with { MemoryBytes = mem.Bytes, MaxMemoryBytes = Math.Max(mem.LimitBytes ?? definition.MaxMemoryBytes, mem.Bytes) };
            case ("disk", DiskRequest disk):
                if (disk.Target is not null && disk.Target != detail)
                    throw new InvalidSettingsException($"AddressOnParent {disk.Target} differs from the disk {detail} the InstanceID names");
                return definition with
                {
                    Disks = [.. definition.Disks.Select(d => d.Target == detail ? disk.Disk with { Target = detail! } : d)],
                };
            case ("nic", NicRequest nic):
                if (nic.MacGiven && !SameMac(nic.Nic.MacAddress, detail))
                    throw new InvalidSettingsException($"a NIC's MAC address cannot change ({detail} to {nic.Nic.MacAddress}); remove and add the NIC");
                return definition with { Nics = [.. definition.Nics.Select(n => SameMac(n.MacAddress, detail) ? nic.Nic with { MacAddress = n.MacAddress } : n)] };
            default:
                throw new InvalidSettingsException($"the RASD's ResourceType does not match the {kind} setting its InstanceID names");
        }
    }

    /// <summary>The machine and the setting a RASD InstanceID names; CIM_ERR_NOT_FOUND when either is gone.</summary>
    private static (VirtualMachineInfo Machine, string Kind, string? Detail) Locate(HostSnapshot snapshot, string? instanceId)
    {
        if (!ObjectIds.TryParseResourceSettings(instanceId, out var uuid, out var kind, out var detail))
            throw new InvalidSettingsException($"'{instanceId}' is not the InstanceID of a resource allocation setting of this host");
        var machine = snapshot.FindMachine(uuid) ?? throw NotFound($"no virtual system {uuid} on this host");
        var exists = kind switch
        {
            "disk" => machine.Definition.Disks.Any(d => d.Target == detail),
            "nic" => machine.Definition.Nics.Any(n => SameMac(n.MacAddress, detail)),
            _ => true,
        };
        return exists ? (machine, kind, detail) : throw NotFound($"machine {machine.Name} has no setting {instanceId}");
    }

    private CimObjectPath PathOf(string uuid, ResourceRequest request) => request switch
    {
        ProcessorRequest => SettingsBuilder.ProcessorPath(_paths, uuid),
        MemoryRequest => SettingsBuilder.MemoryPath(_paths, uuid),
        DiskRequest disk => SettingsBuilder.DiskPath(_paths, uuid, disk.Target ?? disk.Disk.Target),
        NicRequest nic when request.InstanceId is not null && ObjectIds.TryParseResourceSettings(request.InstanceId, out _, out _, out var mac) =>
            SettingsBuilder.NicPath(_paths, uuid, mac!),
        NicRequest nic => SettingsBuilder.NicPath(_paths, uuid, nic.Nic.MacAddress),
        _ => throw new InvalidOperationException($"unexpected request {request.GetType().Name}"),
    };

    private static bool SameMac(string a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
