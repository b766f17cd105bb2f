using Microsoft.Extensions.DependencyInjection;

namespace CimCloud.Cimom.Providers.Composition;

/// <summary>
/// A set of providers an assembly contributes: it registers them (and whatever they need) with
/// <see cref="CimProviderServiceCollectionExtensions.AddCimProvider{TProvider}"/>. A third-party assembly
/// loaded with <c>cimcloud serve --provider-assembly</c> exposes public, non-abstract modules with a
/// parameterless constructor; the server calls each once while it composes its services.
/// </summary>
public interface ICimProviderModule
{
    void ConfigureServices(IServiceCollection services);
}
