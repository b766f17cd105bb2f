using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>Methods of CCT_Host for the Invoke tests: static Ping() returns 42; RequestStateChange returns 4096 and a Note.</summary>
internal sealed class HostMethodProvider : IMethodProvider
{
    public ValueTask<CimMethodResult> InvokeMethodAsync(ProviderContext context, CimClass cimClass, CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken)
    {
        if (method.Name.Equals("Ping", StringComparison.OrdinalIgnoreCase))
            return ValueTask.FromResult(new CimMethodResult(42u));
        var requested = inParameters.TryGetValue("RequestedState", out var value) ? value : null;
        var note = $"{target.FindKey("InstanceID")?.Value} asked for state {requested}";
        return ValueTask.FromResult(new CimMethodResult(4096u, new Dictionary<string, object?> { ["Note"] = note }));
    }
}
