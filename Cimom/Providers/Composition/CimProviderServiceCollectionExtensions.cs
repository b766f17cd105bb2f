using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CimCloud.Cimom.Providers.Composition;

/// <summary>Registering CIM providers per class with Microsoft.Extensions.DependencyInjection.</summary>
public static class CimProviderServiceCollectionExtensions
{
    /// <summary>
    /// Serves <paramref name="className"/> (and its subclasses without their own provider) in
    /// <paramref name="namespace"/> with <typeparamref name="TProvider"/>, a singleton built by the container
    /// (one object however many classes it is registered for).
    /// </summary>
    public static IServiceCollection AddCimProvider<TProvider>(this IServiceCollection services, string @namespace, string className)
        where TProvider : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<TProvider>();
        return services.AddCimProvider(@namespace, className, static sp => sp.GetRequiredService<TProvider>());
    }

    /// <summary>Serves the class with the object <paramref name="factory"/> returns (called once, when the registry is built).</summary>
    public static IServiceCollection AddCimProvider(this IServiceCollection services, string @namespace, string className, Func<IServiceProvider, object> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(className);
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton(new CimProviderDescriptor(@namespace, className, factory));
        return services;
    }

    /// <summary>Serves the class with an existing provider object.</summary>
    public static IServiceCollection AddCimProvider(this IServiceCollection services, string @namespace, string className, object provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return services.AddCimProvider(@namespace, className, _ => provider);
    }

    /// <summary>Lets <paramref name="module"/> register its providers and services.</summary>
    public static IServiceCollection AddCimProviderModule(this IServiceCollection services, ICimProviderModule module)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(module);
        module.ConfigureServices(services);
        return services;
    }

    public static IServiceCollection AddCimProviderModule<TModule>(this IServiceCollection services)
        where TModule : ICimProviderModule, new() =>
        services.AddCimProviderModule(new TModule());
}
