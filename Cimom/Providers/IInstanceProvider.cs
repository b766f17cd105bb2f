using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Providers;

/// <summary>
/// Serves the instances of one or more concrete classes. Paths handed in are normalized (typed keys,
/// declared names, the concrete class's name); the core has already checked namespace, class and keys.
/// </summary>
public interface IInstanceProvider
{
    /// <summary>The instance at <paramref name="path"/> (of exactly <paramref name="cimClass"/>), or null.</summary>
    ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken);

    /// <summary>The instances of exactly <paramref name="cimClass"/> (not its subclasses), streamed.</summary>
    IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass, CancellationToken cancellationToken);

    /// <summary>Creates the instance (its class is concrete and current) and returns its path.</summary>
    ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken);

    /// <summary>Replaces an existing instance with <paramref name="instance"/> (already merged; same keys).</summary>
    ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken);

    /// <summary>Deletes the instance; false when it did not exist.</summary>
    ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken);
}
