using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Operations.Isolation;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Providers.Composition;
using CimCloud.Cimom.Repository;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Interop;
using CimCloud.Providers.Virtualization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CimCloud.Cli.Serve;

/// <summary>
/// The composition root of <c>cimcloud serve</c>: one DI container holding the repository, the host backend,
/// the interop and virtualization providers and every module of the <c>--provider-assembly</c> files; the
/// provider registry built from it (each provider behind isolation) and the operations over both.
/// </summary>
internal sealed class ServeComposition : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ServeComposition(ServiceProvider services, ProviderRegistry registry, CimRepository repository)
    {
        _services = services;
        Operations = new CimOperations(repository, registry);
    }

    public CimOperations Operations { get; }

    /// <param name="host">The backend, or null for none (then only interop and the assemblies' providers are served).</param>
    /// <param name="providerAssemblies">Paths of third-party provider assemblies.</param>
    /// <param name="isolation">The provider timeout.</param>
    /// <param name="error">Where a failure is explained; null is returned after it.</param>
    public static async Task<ServeComposition?> CreateAsync(CimRepository repository, IVirtualizationHost? host, IReadOnlyList<string> providerAssemblies,
        ProviderIsolationOptions isolation, ILoggerFactory loggerFactory, TextWriter error, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton(repository);
        services.AddSingleton(loggerFactory);
        services.AddSingleton(TimeProvider.System);
        if (host is not null)
        {
            var info = await host.GetHostInfoAsync(cancellationToken).ConfigureAwait(false);
            services.AddSingleton(host);
            services.AddInteropProvider(new InteropOptions { SystemName = info.Name });
            services.AddVirtualization();
        }

        foreach (var path in providerAssemblies)
        {
            try
            {
                foreach (var module in ProviderAssemblyLoader.LoadModules(path))
                    services.AddCimProviderModule(module);
            }
            catch (ProviderAssemblyException e)
            {
                error.WriteLine($"cimcloud serve: {e.Message}");
                return null;
            }
        }

        var container = services.BuildServiceProvider();
        try
        {
            return new ServeComposition(container, container.BuildProviderRegistry(isolation), repository);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            error.WriteLine($"cimcloud serve: the providers do not fit together: {e.Message}");
            await container.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
