using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Virtualization.Jobs;
using CimCloud.Providers.Virtualization.Model;
using CimCloud.Providers.Virtualization.Settings;
using CimCloud.Providers.Virtualization.Systems;
using Microsoft.Extensions.Logging;

namespace CimCloud.Providers.Virtualization.Management;

/// <summary>
/// CIM_VirtualSystemManagementService (DSP1042): DefineSystem, DestroySystem, ModifySystemSettings here;
/// AddResourceSettings, RemoveResourceSettings, ModifyResourceSettings in the resource-settings part.
/// Parameters are checked first (bad settings: 4 Invalid Parameter; pool too small: 32778; unknown machine
/// or setting: CIM_ERR_NOT_FOUND); the host call then runs through the <see cref="JobRunner"/> (0 or 4096 + Job).
/// </summary>
internal sealed partial class VirtualSystemManagementProvider(HostSnapshotCache cache, JobRunner runner, RequestedStates requested,
    VirtualizationOptions options, ILogger<VirtualSystemManagementProvider> logger) : IMethodProvider
{
    private const ushort EffectCreate = 5;
    private const ushort EffectIntegrity = 4;

    private readonly ModelPaths _paths = new(options.Namespace);

    private IVirtualizationHost Host => cache.Host;

    public async ValueTask<CimMethodResult> InvokeMethodAsync(ProviderContext context, CimClass cimClass, CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken)
    {
        try
        {
            return method.Name.ToUpperInvariant() switch
            {
                "DEFINESYSTEM" => await DefineSystemAsync(target, inParameters, cancellationToken).ConfigureAwait(false),
                "DESTROYSYSTEM" => await DestroySystemAsync(target, inParameters, cancellationToken).ConfigureAwait(false),
                "MODIFYSYSTEMSETTINGS" => await ModifySystemSettingsAsync(target, inParameters, cancellationToken).ConfigureAwait(false),
                "ADDRESOURCESETTINGS" => await AddResourceSettingsAsync(target, inParameters, cancellationToken).ConfigureAwait(false),
                "REMOVERESOURCESETTINGS" => await RemoveResourceSettingsAsync(target, inParameters, cancellationToken).ConfigureAwait(false),
                "MODIFYRESOURCESETTINGS" => await ModifyResourceSettingsAsync(target, inParameters, cancellationToken).ConfigureAwait(false),
                _ => new CimMethodResult(ReturnCodes.NotSupported),
            };
        }
        catch (InvalidSettingsException e)
        {
            logger.InvalidParameter(method.Name, e.Message);
            return new CimMethodResult(ReturnCodes.InvalidParameter);
        }
        catch (HostException e)
        {
            logger.HostRefused(method.Name, e.Kind, e.Message);
            if (e.Kind == HostErrorKind.NotFound)
                throw new CimException(CimStatusCode.NotFound, e.Message, e);
            return new CimMethodResult(ReturnCodes.ForManagement(e.Kind));
        }
    }

    private async ValueTask<CimMethodResult> DefineSystemAsync(CimObjectPath target, IReadOnlyDictionary<string, object?> p, CancellationToken ct)
    {
        var snapshot = await FreshSnapshotAsync(ct).ConfigureAwait(false);
        var system = SystemSettingsRequest.Parse(MethodParameters.RequiredInstance(p, "SystemSettings", "an embedded CIM_VirtualSystemSettingData"));
        var requests = MethodParameters.Instances(p, "ResourceSettings").Select(r => RasdParser.Parse(r, snapshot)).ToList();
        MachineDefinition? template = null;
        if (MethodParameters.Reference(p, "ReferenceConfiguration") is { } reference)
            template = MachineOfSettings(snapshot, reference).Definition;
        var definition = MachineDefinitions.Create(system, requests, snapshot, template);
        return await runner.RunAsync("DefineSystem", target, async token =>
        {
            var machine = await Host.DefineMachineAsync(definition, token).ConfigureAwait(false);
            var path = _paths.Machine(machine.Uuid);
            return MethodOutcome.Success(("ResultingSystem", path)).WithAffected(path, EffectCreate);
        }, ct).ConfigureAwait(false);
    }

    private async ValueTask<CimMethodResult> DestroySystemAsync(CimObjectPath target, IReadOnlyDictionary<string, object?> p, CancellationToken ct)
    {
        var snapshot = await FreshSnapshotAsync(ct).ConfigureAwait(false);
        var system = MethodParameters.Reference(p, "AffectedSystem")
            ?? throw new InvalidSettingsException("AffectedSystem (the machine to destroy) is missing");
        var machine = MachineOfSystem(snapshot, system);
        return await runner.RunAsync("DestroySystem", target, async token =>
        {
            await Host.UndefineMachineAsync(machine.Uuid, token).ConfigureAwait(false);
            requested.Forget(machine.Uuid);
            return MethodOutcome.Success();
        }, ct).ConfigureAwait(false);
    }

    private async ValueTask<CimMethodResult> ModifySystemSettingsAsync(CimObjectPath target, IReadOnlyDictionary<string, object?> p, CancellationToken ct)
    {
        var snapshot = await FreshSnapshotAsync(ct).ConfigureAwait(false);
        var request = SystemSettingsRequest.Parse(MethodParameters.RequiredInstance(p, "SystemSettings", "an embedded CIM_VirtualSystemSettingData"));
        var uuid = request.InstanceUuid ?? request.Uuid
            ?? throw new InvalidSettingsException("SystemSettings has neither an InstanceID nor a VirtualSystemIdentifier naming the machine");
        var machine = snapshot.FindMachine(uuid) ?? throw NotFound($"no machine has the settings CIMCLOUD:{uuid}");
        if (request.Name is not null && snapshot.Machines.Any(m => m.Uuid != machine.Uuid && string.Equals(m.Name, request.Name, StringComparison.Ordinal)))
            throw new InvalidSettingsException($"a machine named '{request.Name}' already exists");
        var definition = machine.Definition with
        {
            Name = request.Name ?? machine.Definition.Name,
            Description = request.Description ?? machine.Definition.Description,
            AutoStart = request.AutoStart ?? machine.Definition.AutoStart,
        };
        return await RedefineAsync("ModifySystemSettings", target, definition, ct).ConfigureAwait(false);
    }

    private ValueTask<CimMethodResult> RedefineAsync(string methodName, CimObjectPath target, MachineDefinition definition, CancellationToken ct,
        params CimObjectPath[] resultingSettings) =>
        runner.RunAsync(methodName, target, async token =>
        {
            var machine = await Host.RedefineMachineAsync(definition, token).ConfigureAwait(false);
            var outcome = resultingSettings.Length == 0
                ? MethodOutcome.Success()
                : MethodOutcome.Success(("ResultingResourceSettings", resultingSettings));
            return outcome.WithAffected(_paths.Machine(machine.Uuid), EffectIntegrity);
        }, ct);

    /// <summary>A snapshot read now (methods must not decide on a state that is half a second old).</summary>
    private ValueTask<HostSnapshot> FreshSnapshotAsync(CancellationToken ct)
    {
        cache.Invalidate();
        return cache.GetSnapshotAsync(ct);
    }

    private static VirtualMachineInfo MachineOfSystem(HostSnapshot snapshot, CimObjectPath system)
    {
        if (!string.Equals(system.ClassName, VirtualizationClasses.ComputerSystem, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(system.ClassName, "CIM_ComputerSystem", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidSettingsException($"{system.ClassName} is not a virtual system class ({VirtualizationClasses.ComputerSystem})");
        }

        var uuid = ModelPaths.KeyOf(system, "Name") ?? throw new InvalidSettingsException($"{system} has no Name key");
        return snapshot.FindMachine(uuid) ?? throw NotFound($"no virtual system {uuid} on this host");
    }

    private static VirtualMachineInfo MachineOfSettings(HostSnapshot snapshot, CimObjectPath settings)
    {
        var id = ModelPaths.KeyOf(settings, "InstanceID");
        if (!ObjectIds.TryParseSystemSettings(id, out var uuid))
            throw new InvalidSettingsException($"{settings} is not a virtual system setting data of this host");
        return snapshot.FindMachine(uuid) ?? throw NotFound($"no virtual system has the settings {id}");
    }

    private static CimException NotFound(string message) => new(CimStatusCode.NotFound, message);
}
