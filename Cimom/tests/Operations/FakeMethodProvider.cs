using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;

namespace CimCloud.Cimom.Tests.Operations;

/// <summary>Records each call and answers with the number of in-parameters and an echo of Log.</summary>
internal sealed class FakeMethodProvider : IMethodProvider
{
    public List<(string ClassName, CimObjectPath Target, string Method, IReadOnlyDictionary<string, object?> Arguments)> Calls { get; } = [];

    public ValueTask<CimMethodResult> InvokeMethodAsync(ProviderContext context, CimClass cimClass, CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken)
    {
        Calls.Add((cimClass.Name, target, method.Name, inParameters));
        var outs = new Dictionary<string, object?> { ["Result"] = $"ran {method.Name}", ["Log"] = inParameters.GetValueOrDefault("Log") };
        return ValueTask.FromResult(new CimMethodResult((uint)inParameters.Count, outs));
    }
}
