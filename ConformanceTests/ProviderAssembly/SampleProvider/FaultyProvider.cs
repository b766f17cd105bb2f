using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;

namespace CimCloud.SampleProvider;

/// <summary>Fails every call the way a buggy provider does: an exception that is not a CimException.</summary>
public sealed class FaultyProvider : IInstanceProvider
{
    public ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("sample provider bug: the device table is corrupt");

    public IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("sample provider bug: the device table is corrupt");

    public ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("sample provider bug: the device table is corrupt");

    public ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("sample provider bug: the device table is corrupt");

    public ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("sample provider bug: the device table is corrupt");
}
