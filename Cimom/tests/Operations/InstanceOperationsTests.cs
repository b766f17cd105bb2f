using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Schema;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Operations.OperationsHarness;

namespace CimCloud.Cimom.Tests.Operations;

public class InstanceOperationsTests
{
    private static async Task<CimException> Fails(Func<Task> action) => (await action.Should().ThrowAsync<CimException>()).Which;

    [Fact]
    public async Task Create_get_modify_delete_round_trip()
    {
        var h = Create();

        var path = await h.AddAsync("T_Element", ("Id", "e1"), ("Name", "first"));
        path.ToString().Should().Be("/root/test:T_Element.Id=\"e1\"");

        var got = await h.Ops.GetInstanceAsync(Ctx, path);
        got["Name"].Should().Be("first");
        got["Size"].Should().Be(5u, "unset properties keep the class default");
        got.IsReadOnly.Should().BeTrue();
        got.Namespace.Should().Be(Ns);

        var changed = got.Clone();
        changed["Name"] = "renamed";
        await h.Ops.ModifyInstanceAsync(Ctx, changed);
        (await h.Ops.GetInstanceAsync(Ctx, path))["Name"].Should().Be("renamed");

        await h.Ops.DeleteInstanceAsync(Ctx, path);
        (await Fails(() => h.Ops.GetInstanceAsync(Ctx, path).AsTask())).StatusCode.Should().Be(CimStatusCode.NotFound);
        (await Fails(() => h.Ops.DeleteInstanceAsync(Ctx, path).AsTask())).StatusCode.Should().Be(CimStatusCode.NotFound);
        (await Fails(() => h.Ops.ModifyInstanceAsync(Ctx, changed).AsTask())).StatusCode.Should().Be(CimStatusCode.NotFound);
    }

    [Fact]
    public async Task Abstract_classes_cannot_have_instances()
    {
        var h = Create();
        var instance = new CimInstance(h.Namespace.Schema.GetClass("T_Abstract"), Ns) { ["Id"] = "a" };

        var e = await Fails(() => h.Ops.CreateInstanceAsync(Ctx, instance).AsTask());

        e.StatusCode.Should().Be(CimStatusCode.InvalidParameter);
        e.Message.Should().Contain("abstract");
    }

    [Fact]
    public async Task Missing_keys_duplicates_unknown_classes_and_namespaces_are_refused()
    {
        var h = Create();
        await h.AddAsync("T_Two", ("A", "x"), ("B", 1));

        var noKey = await Fails(() => h.Ops.CreateInstanceAsync(Ctx, h.New("T_Two", ("A", "y"))).AsTask());
        noKey.StatusCode.Should().Be(CimStatusCode.InvalidParameter);
        noKey.Message.Should().Contain("B");
        (await Fails(() => h.AddAsync("T_Two", ("A", "x"), ("B", 1)))).StatusCode.Should().Be(CimStatusCode.AlreadyExists);
        (await Fails(() => h.Ops.GetInstanceAsync(Ctx, PathOf("T_Nothing", ("Id", "x"))).AsTask())).StatusCode.Should().Be(CimStatusCode.InvalidClass);
        (await Fails(() => h.Ops.GetInstanceAsync(Ctx, new CimObjectPath("root/none", "T_Two")).AsTask())).StatusCode.Should().Be(CimStatusCode.InvalidNamespace);
        (await Fails(() => h.Ops.GetInstanceAsync(Ctx, new CimObjectPath(null, "T_Two")).AsTask())).StatusCode.Should().Be(CimStatusCode.InvalidNamespace);
        (await Fails(() => h.Ops.GetInstanceAsync(Ctx, PathOf("T_Two", ("A", "x"))).AsTask())).StatusCode.Should().Be(CimStatusCode.InvalidParameter);
        var extra = await Fails(() => h.Ops.GetInstanceAsync(Ctx, PathOf("T_Two", ("A", "x"), ("B", "1"), ("Note", "n"))).AsTask());
        extra.StatusCode.Should().Be(CimStatusCode.InvalidParameter);
        extra.Message.Should().Contain("Note");
    }

    [Fact]
    public async Task Keys_given_as_strings_in_any_case_find_the_instance()
    {
        var h = Create();
        await h.AddAsync("T_Two", ("A", "x"), ("B", 7));

        var got = await h.Ops.GetInstanceAsync(Ctx, new CimObjectPath(@"ROOT\TEST", "t_two",
            [new CimKeyBinding("b", "7", CimType.String), new CimKeyBinding("a", "x", CimType.String)]));

        got["B"].Should().Be((ushort)7);
        got.Path.ToString().Should().Be("/root/test:T_Two.A=\"x\",B=7");
        (await Fails(() => h.Ops.GetInstanceAsync(Ctx, PathOf("T_Two", ("A", "X"), ("B", "7"))).AsTask()))
            .StatusCode.Should().Be(CimStatusCode.NotFound, "key values are case-sensitive strings");
    }

    [Fact]
    public async Task A_path_naming_a_superclass_finds_the_subclass_instance()
    {
        var h = Create();
        await h.AddAsync("T_Disk", ("Id", "d1"));

        var got = await h.Ops.GetInstanceAsync(Ctx, PathOf("T_Element", ("Id", "d1")));

        got.ClassName.Should().Be("T_Disk");
    }

    [Fact]
    public async Task Property_list_on_get_keeps_the_path_and_ignores_unknown_names()
    {
        var h = Create();
        var path = await h.AddAsync("T_Disk", ("Id", "d1"), ("Name", "n"), ("Vendor", "v"), ("Capacity", 10));

        var got = await h.Ops.GetInstanceAsync(Ctx, path, ["vendor", "Bogus"]);

        got.Properties.Select(p => p.Property.Name).Should().Equal("Vendor");
        got.IsIncluded("Name").Should().BeFalse();
        got["Name"].Should().BeNull();
        got.Path.Should().Be(path);
        (await h.Ops.GetInstanceAsync(Ctx, path, [])).Properties.Should().BeEmpty();
    }

    [Fact]
    public async Task Modify_changes_only_the_listed_properties()
    {
        var h = Create();
        var path = await h.AddAsync("T_Disk", ("Id", "d1"), ("Name", "n"), ("Vendor", "v"), ("Capacity", 10));
        var modified = h.New("T_Disk", ("Id", "d1"), ("Name", "new name"), ("Vendor", "new vendor"), ("Capacity", 20));

        await h.Ops.ModifyInstanceAsync(Ctx, modified, ["VENDOR", "NotAProperty"]);

        var got = await h.Ops.GetInstanceAsync(Ctx, path);
        got["Vendor"].Should().Be("new vendor");
        got["Name"].Should().Be("n");
        got["Capacity"].Should().Be(10ul);
    }

    [Fact]
    public async Task Modify_without_a_list_takes_the_included_properties_of_a_projected_instance()
    {
        var h = Create();
        var path = await h.AddAsync("T_Disk", ("Id", "d1"), ("Name", "n"), ("Vendor", "v"));
        var view = (await h.Ops.GetInstanceAsync(Ctx, path, ["Vendor"])).Clone();
        view["Vendor"] = "changed";

        await h.Ops.ModifyInstanceAsync(Ctx, view);

        var got = await h.Ops.GetInstanceAsync(Ctx, path);
        got["Vendor"].Should().Be("changed");
        got["Name"].Should().Be("n");
    }

    [Fact]
    public async Task Enumeration_is_polymorphic_and_shallow_enumeration_trims_subclass_properties()
    {
        var h = Create();
        await h.AddAsync("T_Element", ("Id", "e"));
        await h.AddAsync("T_Device", ("Id", "v"), ("Vendor", "x"));
        await h.AddAsync("T_Disk", ("Id", "d"), ("Capacity", 1));

        var deep = await ListAsync(h.Ops.EnumerateInstancesAsync(Ctx, Ns, "T_Element"));
        deep.Select(i => i.ClassName).Should().Equal("T_Element", "T_Device", "T_Disk");
        deep[2].Properties.Select(p => p.Property.Name).Should().Contain("Capacity");

        var shallow = await ListAsync(h.Ops.EnumerateInstancesAsync(Ctx, Ns, "T_Device", new EnumerateInstancesOptions { DeepInheritance = false }));
        shallow.Select(i => i.ClassName).Should().Equal("T_Device", "T_Disk");
        shallow[1].Properties.Select(p => p.Property.Name).Should().Equal("Id", "Name", "Size", "Vendor");
        shallow[1]["Size"].Should().Be(9u, "the subclass's value of an inherited property is kept");

        var listed = await ListAsync(h.Ops.EnumerateInstancesAsync(Ctx, Ns, "T_Element", new EnumerateInstancesOptions { PropertyList = ["Capacity", "Name"] }));
        listed[0].Properties.Select(p => p.Property.Name).Should().Equal("Name");
        listed[2].Properties.Select(p => p.Property.Name).Should().Equal("Name", "Capacity");

        var names = await ListAsync(h.Ops.EnumerateInstanceNamesAsync(Ctx, Ns, "T_Device"));
        names.Select(n => n.ToString()).Should().Equal("/root/test:T_Device.Id=\"v\"", "/root/test:T_Disk.Id=\"d\"");
        (await ListAsync(h.Ops.EnumerateInstanceNamesAsync(Ctx, Ns, "T_Abstract"))).Should().BeEmpty();
    }

    [Fact]
    public async Task Enumerating_an_unknown_class_is_InvalidClass_at_the_call()
    {
        var h = Create();

        FluentActions.Invoking(() => h.Ops.EnumerateInstancesAsync(Ctx, Ns, "T_None")).Should().Throw<CimException>()
            .Which.StatusCode.Should().Be(CimStatusCode.InvalidClass);
        FluentActions.Invoking(() => h.Ops.EnumerateInstanceNamesAsync(Ctx, "root/none", "T_Element")).Should().Throw<CimException>()
            .Which.StatusCode.Should().Be(CimStatusCode.InvalidNamespace);
    }

    [Fact]
    public async Task An_instance_built_from_an_older_class_definition_is_rebound_by_name()
    {
        var h = Create();
        var old = h.New("T_Disk", ("Id", "d1"), ("Vendor", "v"));
        await h.Ops.ModifyClassAsync(Ctx, Ns, new CimClassDeclaration("T_Disk", "T_Device", [], [], []));

        var path = await h.Ops.CreateInstanceAsync(Ctx, old);

        var got = await h.Ops.GetInstanceAsync(Ctx, path);
        got.Class.Should().BeSameAs(h.Namespace.Schema.GetClass("T_Disk"));
        got["Vendor"].Should().Be("v");
    }

    [Fact]
    public async Task Cancellation_and_deadlines_end_operations()
    {
        var h = Create();
        await h.AddAsync("T_Element", ("Id", "e"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var expired = new CimOperationContext("tester", DateTimeOffset.UtcNow.AddMinutes(-1));

        await FluentActions.Awaiting(() => h.Ops.GetInstanceAsync(Ctx, PathOf("T_Element", ("Id", "e")), null, cancelled.Token).AsTask())
            .Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => h.Ops.GetInstanceAsync(expired, PathOf("T_Element", ("Id", "e"))).AsTask())
            .Should().ThrowAsync<TimeoutException>();
    }
}
