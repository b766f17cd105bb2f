using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;

namespace CimCloud.Cimom.Operations.Isolation;

/// <summary>An <see cref="IInstanceProvider"/> whose failures and hangs stay inside the operation (see <see cref="ProviderGuard"/>).</summary>
internal sealed class IsolatedInstanceProvider(IInstanceProvider inner, ProviderGuard guard) : IInstanceProvider
{
    public ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        guard.RunAsync($"GetInstance of {cimClass.Name}", ct => inner.GetInstanceAsync(context, cimClass, path, ct), cancellationToken);

    public IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass, CancellationToken cancellationToken) =>
        guard.StreamAsync($"EnumerateInstances of {cimClass.Name}", ct => inner.EnumerateInstancesAsync(context, cimClass, ct), cancellationToken);

    public ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        guard.RunAsync($"CreateInstance of {instance.ClassName}", ct => inner.CreateInstanceAsync(context, instance, ct), cancellationToken);

    public async ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        await guard.RunAsync($"ModifyInstance of {instance.ClassName}", async ct =>
        {
            await inner.ModifyInstanceAsync(context, instance, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    public ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        guard.RunAsync($"DeleteInstance of {cimClass.Name}", ct => inner.DeleteInstanceAsync(context, cimClass, path, ct), cancellationToken);
}
