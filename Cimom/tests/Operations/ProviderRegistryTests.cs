using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Operations.OperationsHarness;

namespace CimCloud.Cimom.Tests.Operations;

public class ProviderRegistryTests
{
    [Fact]
    public void Lookup_walks_up_the_hierarchy_and_the_nearest_registration_wins()
    {
        var h = Create();
        var schema = h.Namespace.Schema;
        var forElement = new FakeInstanceProvider();
        var forDisk = new FakeInstanceProvider();
        var registry = new ProviderRegistry([new ProviderRegistration(Ns, "T_Element", forElement)]);
        registry.RegisterInstanceProvider(@"ROOT\Test", "t_disk", forDisk);

        registry.GetInstanceProvider(Ns, schema.GetClass("T_Element")).Should().BeSameAs(forElement);
        registry.GetInstanceProvider(Ns, schema.GetClass("T_Device")).Should().BeSameAs(forElement);
        registry.GetInstanceProvider(Ns, schema.GetClass("T_Disk")).Should().BeSameAs(forDisk);
        registry.GetInstanceProvider(Ns, schema.GetClass("T_System")).Should().BeSameAs(registry.Repository);
        registry.GetInstanceProvider("root/other", schema.GetClass("T_Element")).Should().BeSameAs(registry.Repository);
        registry.FindMethodProvider(Ns, schema.GetClass("T_Element")).Should().BeNull();
    }

    [Fact]
    public void Each_provider_kind_is_looked_up_on_its_own()
    {
        var h = Create();
        var schema = h.Namespace.Schema;
        var methods = new FakeMethodProvider();
        var instances = new FakeInstanceProvider();
        var registry = new ProviderRegistry();
        registry.Register(Ns, "T_Service", methods);
        registry.Register(Ns, "T_SpecialService", instances);

        registry.FindMethodProvider(Ns, schema.GetClass("T_SpecialService")).Should().BeSameAs(methods);
        registry.GetInstanceProvider(Ns, schema.GetClass("T_SpecialService")).Should().BeSameAs(instances);
        registry.GetInstanceProvider(Ns, schema.GetClass("T_Service")).Should().BeSameAs(registry.Repository);
    }

    [Fact]
    public void Registering_two_providers_of_one_kind_for_one_class_or_a_non_provider_is_an_error()
    {
        var registry = new ProviderRegistry();
        registry.Register(Ns, "T_Service", new FakeMethodProvider());

        FluentActions.Invoking(() => registry.Register(Ns, "t_service", new FakeMethodProvider())).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => registry.Register(Ns, "T_Service", "not a provider")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Associations_of_a_class_served_by_an_instance_provider_are_computed_by_scanning_it()
    {
        var h = Create();
        var provider = new FakeInstanceProvider();
        h.Providers.RegisterInstanceProvider(Ns, "T_Depends", provider);

        var association = h.Providers.GetAssociationProvider(Ns, h.Namespace.Schema.GetClass("T_Depends"));

        association.Should().NotBeSameAs(h.Providers.Repository).And.NotBeSameAs(provider);
        h.Providers.GetAssociationProvider(Ns, h.Namespace.Schema.GetClass("T_Hosted")).Should().BeSameAs(h.Providers.Repository);
    }

    [Fact]
    public async Task Polymorphic_enumeration_asks_each_class_of_the_provider_that_serves_it()
    {
        var h = Create();
        var provider = new FakeInstanceProvider();
        h.Providers.RegisterInstanceProvider(Ns, "T_Device", provider);
        await h.AddAsync("T_Element", ("Id", "stored"));
        await h.AddAsync("T_Device", ("Id", "served"));
        await h.AddAsync("T_Disk", ("Id", "served disk"));

        var all = await ListAsync(h.Ops.EnumerateInstancesAsync(Ctx, Ns, "T_Element"));

        all.Select(i => (string)i["Id"]!).Should().Equal("stored", "served", "served disk");
        all.Should().AllSatisfy(i => i.Namespace.Should().Be(Ns));
        h.Namespace.InstanceCount.Should().Be(1, "only T_Element is stored in the repository");
        provider.EnumeratedClasses.Should().Equal("T_Device", "T_Disk");
        (await h.Ops.GetInstanceAsync(Ctx, PathOf("T_Element", ("Id", "served disk")))).ClassName.Should().Be("T_Disk");

        await h.Ops.DeleteInstanceAsync(Ctx, PathOf("T_Device", ("Id", "served")));
        (await ListAsync(h.Ops.EnumerateInstanceNamesAsync(Ctx, Ns, "T_Device"))).Should().ContainSingle();
    }

    [Fact]
    public async Task Associations_over_provider_instances_are_found_by_scanning()
    {
        var h = Create();
        h.Providers.RegisterInstanceProvider(Ns, "T_Depends", new FakeInstanceProvider());
        await h.AddAsync("T_Element", ("Id", "a"));
        await h.AddAsync("T_Element", ("Id", "b"));
        await h.AddAsync("T_Depends", ("Antecedent", PathOf("T_Element", ("Id", "a"))), ("Dependent", PathOf("T_Element", ("Id", "b"))));

        var names = await ListAsync(h.Ops.AssociatorNamesAsync(Ctx, PathOf("T_Element", ("Id", "a")), new AssociatorsOptions { ResultRole = "dependent" }));

        names.Select(n => n.ToString()).Should().Equal("/root/test:T_Element.Id=\"b\"");
        h.Namespace.InstanceCount.Should().Be(2, "the association lives in the provider");
    }

    [Fact]
    public async Task A_registered_association_provider_answers_references()
    {
        var h = Create();
        await h.AddAsync("T_Element", ("Id", "a"));
        var link = h.New("T_Depends", ("Antecedent", PathOf("T_Element", ("Id", "a"))), ("Dependent", PathOf("T_Element", ("Id", "a"))));
        h.Providers.RegisterAssociationProvider(Ns, "T_Depends", new FixedAssociationProvider(link.Freeze()));

        var references = await ListAsync(h.Ops.ReferencesAsync(Ctx, PathOf("T_Element", ("Id", "a"))));
        var associators = await ListAsync(h.Ops.AssociatorNamesAsync(Ctx, PathOf("T_Element", ("Id", "a"))));

        references.Should().ContainSingle().Which.ClassName.Should().Be("T_Depends");
        associators.Select(p => p.ToString()).Should().Equal("/root/test:T_Element.Id=\"a\"");
    }

    private sealed class FixedAssociationProvider(CimInstance association) : IAssociationProvider
    {
        public async IAsyncEnumerable<CimInstance> ReferencesAsync(ProviderContext context, CimClass associationClass, CimObjectPath source,
            CimClass sourceClass, string? role, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield return association;
        }
    }
}
