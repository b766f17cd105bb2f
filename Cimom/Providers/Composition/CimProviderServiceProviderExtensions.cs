using CimCloud.Cimom.Operations.Isolation;
using Microsoft.Extensions.DependencyInjection;

namespace CimCloud.Cimom.Providers.Composition;

/// <summary>Building the <see cref="ProviderRegistry"/> from a container's provider registrations.</summary>
public static class CimProviderServiceProviderExtensions
{
    /// <summary>
    /// A registry holding every <see cref="CimProviderDescriptor"/> and <see cref="ProviderRegistration"/> of
    /// the container, each behind isolation (<paramref name="isolation"/>: failures become CIM_ERR_FAILED,
    /// hangs time out). Two providers of the same kind for one class are a configuration error
    /// (InvalidOperationException naming the class).
    /// </summary>
    public static ProviderRegistry BuildProviderRegistry(this IServiceProvider services, ProviderIsolationOptions? isolation = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = new ProviderRegistry();
        foreach (var registration in services.GetCimProviderRegistrations())
            registry.RegisterIsolated(registration, isolation);
        return registry;
    }

    /// <summary>The container's registrations, factories resolved (descriptors first, in registration order).</summary>
    public static IReadOnlyList<ProviderRegistration> GetCimProviderRegistrations(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registrations = new List<ProviderRegistration>();
        foreach (var descriptor in services.GetServices<CimProviderDescriptor>())
        {
            var provider = descriptor.Factory(services)
                ?? throw new InvalidOperationException($"the provider factory for {descriptor.ClassName} in {descriptor.Namespace} returned null");
            registrations.Add(new ProviderRegistration(descriptor.Namespace, descriptor.ClassName, provider));
        }

        registrations.AddRange(services.GetServices<ProviderRegistration>());
        return registrations;
    }
}
