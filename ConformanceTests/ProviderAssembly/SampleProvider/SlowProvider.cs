using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;

namespace CimCloud.SampleProvider;

/// <summary>Never answers: every call blocks its thread (ignoring cancellation), as a provider stuck on a dead device would.</summary>
public sealed class SlowProvider : IInstanceProvider
{
    public ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken)
    {
        Thread.Sleep(Timeout.Infinite);
        return ValueTask.FromResult<CimInstance?>(null);
    }

    public IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass, CancellationToken cancellationToken)
    {
        Thread.Sleep(Timeout.Infinite);
        return AsyncEnumerable.Empty<CimInstance>();
    }

    public ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw new CimException(CimStatusCode.NotSupported, "read-only");

    public ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw new CimException(CimStatusCode.NotSupported, "read-only");

    public ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        throw new CimException(CimStatusCode.NotSupported, "read-only");
}
