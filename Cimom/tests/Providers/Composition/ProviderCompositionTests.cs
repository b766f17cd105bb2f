using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Providers.Composition;
using CimCloud.Cimom.Tests.Operations;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static CimCloud.Cimom.Tests.Operations.OperationsHarness;

namespace CimCloud.Cimom.Tests.Providers.Composition;

public sealed class ProviderCompositionTests
{
    [Fact]
    public async Task Providers_registered_in_the_container_serve_their_classes()
    {
        var h = Create();
        var services = new ServiceCollection();
        services.AddCimProvider<FakeInstanceProvider>(Ns, "T_Disk");
        services.AddCimProvider<FakeInstanceProvider>(Ns, "T_Device");
        services.AddCimProvider(Ns, "T_Service", _ => new FakeMethodProvider());
        using var container = services.BuildServiceProvider();
        var registrations = container.GetCimProviderRegistrations();
        registrations.Should().HaveCount(3);
        registrations[0].Provider.Should().BeSameAs(registrations[1].Provider, "a typed provider is one singleton");

        var registry = container.BuildProviderRegistry();
        var ops = new CimCloud.Cimom.Operations.CimOperations(h.Repository, registry);
        var disk = h.New("T_Disk", ("Id", "d1"), ("Capacity", 10UL));
        await ops.CreateInstanceAsync(Ctx, disk);
        ((FakeInstanceProvider)registrations[0].Provider).EnumeratedClasses.Should().BeEmpty();
        (await ListAsync(ops.EnumerateInstancesAsync(Ctx, Ns, "T_Disk"))).Should().ContainSingle();
        h.Namespace.EnumerateInstances("T_Disk").Should().BeEmpty("the provider, not the repository, holds it");
        registry.FindMethodProvider(Ns, h.Namespace.Schema.GetClass("T_SpecialService")).Should().NotBeNull("subclasses inherit the provider");
    }

    [Fact]
    public void A_module_adds_its_providers_and_a_second_provider_of_a_kind_for_a_class_is_an_error()
    {
        var services = new ServiceCollection().AddCimProviderModule<TwoServicesModule>();
        using var container = services.BuildServiceProvider();
        var build = () => container.BuildProviderRegistry();
        build.Should().Throw<InvalidOperationException>().WithMessage("*T_Service*");
    }

    [Fact]
    public void ProviderRegistration_singletons_in_the_container_count_too()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ProviderRegistration(Ns, "T_Service", new FakeMethodProvider()));
        using var container = services.BuildServiceProvider();
        container.GetCimProviderRegistrations().Should().ContainSingle().Which.ClassName.Should().Be("T_Service");
    }

    [Fact]
    public void Loading_a_missing_file_or_an_assembly_without_modules_says_which_and_why()
    {
        var missing = () => ProviderAssemblyLoader.LoadModules("/nonexistent/Provider.dll");
        missing.Should().Throw<ProviderAssemblyException>().WithMessage("*/nonexistent/Provider.dll*does not exist*");

        var fluent = typeof(FluentActions).Assembly.Location;
        var noModule = () => ProviderAssemblyLoader.LoadModules(fluent);
        noModule.Should().Throw<ProviderAssemblyException>().WithMessage($"*exposes no public {nameof(ICimProviderModule)}*");

        var notAnAssembly = Path.Combine(Path.GetTempPath(), $"not-an-assembly-{Guid.NewGuid():N}.dll");
        File.WriteAllText(notAnAssembly, "plain text");
        try
        {
            var bad = () => ProviderAssemblyLoader.LoadModules(notAnAssembly);
            bad.Should().Throw<ProviderAssemblyException>().WithMessage("*cannot be loaded*");
        }
        finally
        {
            File.Delete(notAnAssembly);
        }
    }

    private sealed class TwoServicesModule : ICimProviderModule
    {
        public void ConfigureServices(IServiceCollection services)
        {
            services.AddCimProvider(Ns, "T_Service", new FakeMethodProvider());
            services.AddCimProvider(Ns, "t_service", new FakeMethodProvider());
        }
    }
}
