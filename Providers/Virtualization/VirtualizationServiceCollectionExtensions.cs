using CimCloud.Cimom.Providers;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Interop;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CimCloud.Providers.Virtualization;

/// <summary>Registers the virtualization providers with the composition root.</summary>
public static class VirtualizationServiceCollectionExtensions
{
    /// <summary>
    /// Adds one <see cref="ProviderRegistration"/> per class in <see cref="VirtualizationClasses.All"/> (instances and
    /// associations, in <see cref="VirtualizationOptions.Namespace"/>), the method providers of the VMs
    /// (RequestStateChange), the management service and the pool configuration service, and the
    /// <see cref="IRegisteredProfileSource"/> of the profiles. Needs an <see cref="IVirtualizationHost"/> in the
    /// container; uses <see cref="TimeProvider"/> and <see cref="ILoggerFactory"/> when registered. Options start
    /// from the environment (<see cref="VirtualizationOptions.JobThresholdVariable"/>), then <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddVirtualization(this IServiceCollection services, Action<VirtualizationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new VirtualizationOptions().ApplyEnvironment(Environment.GetEnvironmentVariable);
        configure?.Invoke(options);
        services.AddSingleton(sp => new VirtualizationRuntime(sp.GetRequiredService<IVirtualizationHost>(), options,
            sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        foreach (var className in VirtualizationClasses.All)
            Register(services, options, className, static r => r.Instances);
        Register(services, options, VirtualizationClasses.ComputerSystem, static r => r.StateChanges);
        Register(services, options, VirtualizationClasses.ManagementService, static r => r.Management);
        Register(services, options, VirtualizationClasses.PoolConfigurationService, static r => r.PoolConfiguration);
        services.AddSingleton<IRegisteredProfileSource>(sp => sp.GetRequiredService<VirtualizationRuntime>().Profiles);
        return services;
    }

    private static void Register(IServiceCollection services, VirtualizationOptions options, string className, Func<VirtualizationRuntime, object> provider) =>
        services.AddSingleton(sp => new ProviderRegistration(options.Namespace, className, provider(sp.GetRequiredService<VirtualizationRuntime>())));
}
