using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Virtualization.Jobs;
using CimCloud.Providers.Virtualization.Model;
using Microsoft.Extensions.Logging;

namespace CimCloud.Providers.Virtualization.Systems;

/// <summary>
/// CIM_EnabledLogicalElement.RequestStateChange of a VM: 2 Enabled (start or resume), 3 Disabled (hard
/// off), 4 Shut Down (graceful), 6 Offline (managed save), 9 Quiesce (pause), 10 Reboot, 11 Reset. Returns
/// 0 (or 4096 + Job), 4097 for a transition the current state does not allow, 4098 when a TimeoutPeriod is
/// given, 1 for 7/8/12, 5 for values outside the value map; 5 No Change succeeds without doing anything.
/// </summary>
internal sealed class StateChangeProvider(HostSnapshotCache cache, JobRunner runner, RequestedStates requested, ILogger<StateChangeProvider> logger)
    : IMethodProvider
{
    private const ushort EffectIntegrity = 4;

    public async ValueTask<CimMethodResult> InvokeMethodAsync(ProviderContext context, CimClass cimClass, CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken)
    {
        if (!string.Equals(method.Name, "RequestStateChange", StringComparison.OrdinalIgnoreCase))
            return new CimMethodResult(ReturnCodes.NotSupported);
        var uuid = ModelPaths.KeyOf(target, "Name") ?? throw new CimException(CimStatusCode.InvalidParameter, $"{target} has no Name key");
        var machine = await cache.Host.FindMachineAsync(uuid, cancellationToken).ConfigureAwait(false)
            ?? throw new CimException(CimStatusCode.NotFound, $"no virtual system {uuid} on this host");
        if (inParameters.GetValueOrDefault("RequestedState") is not ushort state)
            return new CimMethodResult(ReturnCodes.StateChangeInvalidParameter);
        if (inParameters.GetValueOrDefault("TimeoutPeriod") is not null)
            return new CimMethodResult(ReturnCodes.TimeoutNotSupported);
        switch (state)
        {
            case StateMapping.NoChange:
                return new CimMethodResult(ReturnCodes.Completed);
            case StateMapping.Test or StateMapping.Deferred or StateMapping.NotApplicable:
                return new CimMethodResult(ReturnCodes.NotSupported);
            case > StateMapping.NotApplicable and < 32768 or 0 or 1:
                return new CimMethodResult(ReturnCodes.StateChangeInvalidParameter);
        }

        if (StateMapping.Transition(state, machine.State) is not { } change)
        {
            logger.TransitionRefused(state, machine.Name, machine.State);
            return new CimMethodResult(ReturnCodes.InvalidStateTransition);
        }

        var result = await runner.RunAsync("RequestStateChange", target, async token =>
        {
            try
            {
                await cache.Host.ChangeStateAsync(uuid, change, token).ConfigureAwait(false);
                requested.Set(uuid, state);
                return MethodOutcome.Success().WithAffected(target, EffectIntegrity);
            }
            catch (HostException e)
            {
                return MethodOutcome.Failure(e.Kind switch
                {
                    HostErrorKind.InvalidState => ReturnCodes.InvalidStateTransition,
                    HostErrorKind.InUse => ReturnCodes.StateChangeInUse,
                    HostErrorKind.NotSupported => ReturnCodes.NotSupported,
                    _ => ReturnCodes.StateChangeFailed,
                }, e.Message);
            }
        }, cancellationToken).ConfigureAwait(false);
        if (result.ReturnValue is ReturnCodes.JobStarted)
            requested.Set(uuid, state);
        return result;
    }
}
