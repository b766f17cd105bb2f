using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Operations.OperationsHarness;

namespace CimCloud.Cimom.Tests.Operations;

public class AssociationOperationsTests
{
    /// <summary>
    /// sys hosts e1 (T_Hosted) and disk d1 (T_HostedDisk); e1 depends on d1 and on v1 (T_Depends).
    /// </summary>
    private static async Task<OperationsHarness> PopulatedAsync()
    {
        var h = Create();
        await h.AddAsync("T_System", ("Name", "sys"));
        await h.AddAsync("T_Element", ("Id", "e1"));
        await h.AddAsync("T_Device", ("Id", "v1"));
        await h.AddAsync("T_Disk", ("Id", "d1"));
        await h.AddAsync("T_Hosted", ("Host", Sys), ("Hosted", El("T_Element", "e1")));
        await h.AddAsync("T_HostedDisk", ("Host", Sys), ("Hosted", El("T_Disk", "d1")));
        await h.AddAsync("T_Depends", ("Antecedent", El("T_Disk", "d1")), ("Dependent", El("T_Element", "e1")));
        await h.AddAsync("T_Depends", ("Antecedent", El("T_Device", "v1")), ("Dependent", El("t_element", "e1")));
        return h;
    }

    private static CimObjectPath Sys => PathOf("T_System", ("Name", "sys"));

    private static CimObjectPath El(string className, string id) => new(null, className, [new CimKeyBinding("ID", id, CimType.String)]);

    private static CimObjectPath Source(string className, string id) => PathOf(className, ("Id", id));

    private static async Task<List<string>> AssociatorNames(OperationsHarness h, CimObjectPath source, AssociatorsOptions? options = null) =>
        (await ListAsync(h.Ops.AssociatorNamesAsync(Ctx, source, options))).Select(p => p.ToString()).Order().ToList();

    private static async Task<List<string>> ReferenceClasses(OperationsHarness h, CimObjectPath source, ReferencesOptions? options = null) =>
        (await ListAsync(h.Ops.ReferencesAsync(Ctx, source, options))).Select(i => i.ClassName).Order().ToList();

    [Fact]
    public async Task References_returns_every_association_that_refers_to_the_object()
    {
        var h = await PopulatedAsync();

        (await ReferenceClasses(h, Source("T_Element", "e1"))).Should().Equal("T_Depends", "T_Depends", "T_Hosted");
        (await ReferenceClasses(h, Sys)).Should().Equal("T_Hosted", "T_HostedDisk");
        (await ReferenceClasses(h, Source("T_Disk", "d1"))).Should().Equal("T_Depends", "T_HostedDisk");
    }

    [Fact]
    public async Task References_filters_by_result_class_polymorphically_and_by_role_case_insensitively()
    {
        var h = await PopulatedAsync();

        (await ReferenceClasses(h, Sys, new ReferencesOptions { ResultClass = "T_Hosted" })).Should().Equal("T_Hosted", "T_HostedDisk");
        (await ReferenceClasses(h, Sys, new ReferencesOptions { ResultClass = "t_hosteddisk" })).Should().Equal("T_HostedDisk");
        (await ReferenceClasses(h, Source("T_Element", "e1"), new ReferencesOptions { Role = "dependent" })).Should().Equal("T_Depends", "T_Depends");
        (await ReferenceClasses(h, Source("T_Element", "e1"), new ReferencesOptions { Role = "Antecedent" })).Should().BeEmpty();
        (await ReferenceClasses(h, Sys, new ReferencesOptions { ResultClass = "T_Depends" })).Should().BeEmpty();
    }

    [Fact]
    public async Task Reference_names_and_property_lists()
    {
        var h = await PopulatedAsync();

        var names = await ListAsync(h.Ops.ReferenceNamesAsync(Ctx, Source("T_Disk", "d1"), new ReferencesOptions { ResultClass = "T_Depends" }));
        var reference = names.Should().ContainSingle().Subject;
        reference.Namespace.Should().Be(Ns);
        reference.ClassName.Should().Be("T_Depends");

        var instances = await ListAsync(h.Ops.ReferencesAsync(Ctx, Source("T_Disk", "d1"),
            new ReferencesOptions { ResultClass = "T_Depends", PropertyList = ["Dependent"] }));
        instances.Single().Properties.Select(p => p.Property.Name).Should().Equal("Dependent");
    }

    [Fact]
    public async Task Associators_follow_every_association_to_the_other_ends_once()
    {
        var h = await PopulatedAsync();

        (await AssociatorNames(h, Source("T_Element", "e1"))).Should().Equal(
            "/root/test:T_Device.Id=\"v1\"", "/root/test:T_Disk.Id=\"d1\"", "/root/test:T_System.Name=\"sys\"");
        (await AssociatorNames(h, Sys)).Should().Equal("/root/test:T_Disk.Id=\"d1\"", "/root/test:T_Element.Id=\"e1\"");

        var instances = await ListAsync(h.Ops.AssociatorsAsync(Ctx, Sys, new AssociatorsOptions { PropertyList = ["Id"] }));
        instances.Select(i => i.ClassName).Should().BeEquivalentTo(["T_Element", "T_Disk"]);
        instances.Should().AllSatisfy(i => i.Properties.Select(p => p.Property.Name).Should().Equal("Id"));
    }

    [Fact]
    public async Task Associators_filter_by_assoc_class_result_class_role_and_result_role()
    {
        var h = await PopulatedAsync();
        var e1 = Source("T_Element", "e1");

        (await AssociatorNames(h, e1, new AssociatorsOptions { AssocClass = "T_Depends" }))
            .Should().Equal("/root/test:T_Device.Id=\"v1\"", "/root/test:T_Disk.Id=\"d1\"");
        (await AssociatorNames(h, e1, new AssociatorsOptions { AssocClass = "T_Hosted" })).Should().Equal("/root/test:T_System.Name=\"sys\"");
        (await AssociatorNames(h, e1, new AssociatorsOptions { ResultClass = "T_Device" }))
            .Should().Equal("/root/test:T_Device.Id=\"v1\"", "/root/test:T_Disk.Id=\"d1\"");
        (await AssociatorNames(h, e1, new AssociatorsOptions { ResultClass = "T_Disk" })).Should().Equal("/root/test:T_Disk.Id=\"d1\"");
        (await AssociatorNames(h, e1, new AssociatorsOptions { Role = "HOSTED" })).Should().Equal("/root/test:T_System.Name=\"sys\"");
        (await AssociatorNames(h, e1, new AssociatorsOptions { Role = "Antecedent" })).Should().BeEmpty();
        (await AssociatorNames(h, e1, new AssociatorsOptions { ResultRole = "antecedent" }))
            .Should().Equal("/root/test:T_Device.Id=\"v1\"", "/root/test:T_Disk.Id=\"d1\"");
        (await AssociatorNames(h, e1, new AssociatorsOptions { ResultRole = "Dependent" })).Should().BeEmpty();
        (await AssociatorNames(h, Sys, new AssociatorsOptions { AssocClass = "T_HostedDisk", ResultClass = "T_Element", Role = "Host", ResultRole = "Hosted" }))
            .Should().Equal("/root/test:T_Disk.Id=\"d1\"");
        (await AssociatorNames(h, Sys, new AssociatorsOptions { AssocClass = "T_Hosted", ResultClass = "T_System" })).Should().BeEmpty();
    }

    [Fact]
    public async Task Unknown_filter_classes_are_InvalidParameter_and_a_missing_source_NotFound()
    {
        var h = await PopulatedAsync();

        FluentActions.Invoking(() => h.Ops.AssociatorsAsync(Ctx, Sys, new AssociatorsOptions { AssocClass = "T_Nope" }))
            .Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.InvalidParameter);
        FluentActions.Invoking(() => h.Ops.AssociatorNamesAsync(Ctx, Sys, new AssociatorsOptions { ResultClass = "T_Nope" }))
            .Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.InvalidParameter);
        FluentActions.Invoking(() => h.Ops.ReferencesAsync(Ctx, Sys, new ReferencesOptions { ResultClass = "T_Nope" }))
            .Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.InvalidParameter);
        (await FluentActions.Awaiting(() => ListAsync(h.Ops.ReferenceNamesAsync(Ctx, PathOf("T_System", ("Name", "ghost")))))
            .Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.NotFound);
        (await FluentActions.Awaiting(() => ListAsync(h.Ops.AssociatorsAsync(Ctx, Source("T_Element", "ghost"))))
            .Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_an_association_removes_it_from_the_results()
    {
        var h = await PopulatedAsync();
        var hosted = (await ListAsync(h.Ops.ReferenceNamesAsync(Ctx, Source("T_Element", "e1"), new ReferencesOptions { ResultClass = "T_Hosted" }))).Single();

        await h.Ops.DeleteInstanceAsync(Ctx, hosted);

        (await AssociatorNames(h, Source("T_Element", "e1"), new AssociatorsOptions { AssocClass = "T_Hosted" })).Should().BeEmpty();
        (await AssociatorNames(h, Sys)).Should().Equal("/root/test:T_Disk.Id=\"d1\"");
    }
}
