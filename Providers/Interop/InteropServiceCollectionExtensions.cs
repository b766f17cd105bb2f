using CimCloud.Cimom.Providers.Composition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CimCloud.Providers.Interop;

/// <summary>Registers the interop provider (DSP1033): needs a CimRepository in the container; profiles come from every IRegisteredProfileSource.</summary>
public static class InteropServiceCollectionExtensions
{
    public static IServiceCollection AddInteropProvider(this IServiceCollection services, InteropOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        options ??= new InteropOptions();
        services.TryAddSingleton(options);
        services.AddSingleton<IRegisteredProfileSource, ProfileRegistrationSource>();
        services.TryAddSingleton<InteropModel>();
        foreach (var className in InteropClassNames.All)
            services.AddCimProvider<InteropProvider>(options.InteropNamespace, className);
        foreach (var ns in options.ImplementationNamespaces)
            services.AddCimProvider<InteropProvider>(ns, InteropClassNames.ElementConformsToProfile);
        return services;
    }
}
