using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;

namespace CimCloud.Cimom.Tests.Persistence;

/// <summary>The repository provider, but every read yields the thread first: opens the window between a read and a write wide.</summary>
internal sealed class YieldingRepositoryProvider : IInstanceProvider
{
    private readonly RepositoryInstanceProvider _inner = new();

    public async ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return await _inner.GetInstanceAsync(context, cimClass, path, cancellationToken);
    }

    public IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass, CancellationToken cancellationToken) =>
        _inner.EnumerateInstancesAsync(context, cimClass, cancellationToken);

    public ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        _inner.CreateInstanceAsync(context, instance, cancellationToken);

    public ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        _inner.ModifyInstanceAsync(context, instance, cancellationToken);

    public ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        _inner.DeleteInstanceAsync(context, cimClass, path, cancellationToken);
}
