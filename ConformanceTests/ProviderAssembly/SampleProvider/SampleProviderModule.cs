using CimCloud.Cimom.Providers.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace CimCloud.SampleProvider;

/// <summary>What the server finds in this assembly: three classes of sample.mof in root/cimv2, each with its provider.</summary>
public sealed class SampleProviderModule : ICimProviderModule
{
    public const string Namespace = "root/cimv2";

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddCimProvider<GreetingProvider>(Namespace, "SAMPLE_Greeting");
        services.AddCimProvider(Namespace, "SAMPLE_Faulty", new FaultyProvider());
        services.AddCimProvider(Namespace, "SAMPLE_Slow", new SlowProvider());
    }
}
