using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;

namespace CimCloud.Cimom.Operations.Isolation;

/// <summary>An <see cref="IMethodProvider"/> whose failures and hangs stay inside the operation (see <see cref="ProviderGuard"/>).</summary>
internal sealed class IsolatedMethodProvider(IMethodProvider inner, ProviderGuard guard) : IMethodProvider
{
    public ValueTask<CimMethodResult> InvokeMethodAsync(ProviderContext context, CimClass cimClass, CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken) =>
        guard.RunAsync($"{cimClass.Name}.{method.Name}", ct => inner.InvokeMethodAsync(context, cimClass, target, method, inParameters, ct), cancellationToken);
}
