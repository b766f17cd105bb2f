using System.Collections.Concurrent;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;

namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>
/// <c>Load_Vm.RequestStateChange</c>: each VM is Enabled (2) or Disabled (3), Enabled at first. Asking for the other state
/// switches it and returns 0; asking for the state it is already in returns the documented 4097 (Invalid State
/// Transition); any other state is an invalid parameter.
/// </summary>
internal sealed class LoadVmMethodProvider : IMethodProvider
{
    private const ushort Enabled = 2;
    private const ushort Disabled = 3;

    private readonly ConcurrentDictionary<string, ushort> _states = new(StringComparer.OrdinalIgnoreCase);

    public ValueTask<CimMethodResult> InvokeMethodAsync(ProviderContext context, CimClass cimClass, CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(inParameters);
        if (!method.Name.Equals(MixedModel.Method, StringComparison.OrdinalIgnoreCase))
            throw new CimException(CimStatusCode.MethodNotAvailable, $"{method.Name} is not served");
        if (!inParameters.TryGetValue("RequestedState", out var value) || value is not ushort requested || requested is not (Enabled or Disabled))
            throw new CimException(CimStatusCode.InvalidParameter, "RequestedState must be 2 (Enabled) or 3 (Disabled)");

        var name = target.FindKey(MixedModel.KeyProperty)?.Value as string ?? string.Empty;
        var current = _states.GetOrAdd(name, Enabled);

        // A concurrent change of the same VM wins; this request then finds the VM in transition.
        var switched = current != requested && _states.TryUpdate(name, requested, current);
        return ValueTask.FromResult(new CimMethodResult(switched ? 0u : 4097u));
    }
}
