using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Schema;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Operations.OperationsHarness;

namespace CimCloud.Cimom.Tests.Operations;

public class ClassOperationsTests
{
    private static CimQualifier Q(string name, object value) => new(name, CimDataType.Scalar(CimType.Boolean), value, CimFlavor.None);

    private static CimClassDeclaration Decl(string name, string? super, params CimPropertyDeclaration[] properties) => new(name, super, [], properties, []);

    private static CimPropertyDeclaration P(string name, CimType type, bool key = false) =>
        new(name, CimDataType.Scalar(type), null, key ? [Q("Key", true)] : []);

    [Fact]
    public async Task Created_class_is_returned_whole_by_default()
    {
        var h = Create();

        var created = await h.Ops.CreateClassAsync(Ctx, Ns, Decl("T_New", "T_Element", P("Extra", CimType.String)));
        var got = await h.Ops.GetClassAsync(Ctx, Ns, "t_new");

        got.Should().BeSameAs(created);
        got.Properties.Select(p => p.Name).Should().Equal("Id", "Name", "Size", "Extra");
        got.SuperClassName.Should().Be("T_Element");
    }

    [Fact]
    public async Task LocalOnly_returns_only_the_properties_declared_or_overridden_in_the_class()
    {
        var h = Create();

        var disk = await h.Ops.GetClassAsync(Ctx, Ns, "T_Disk", new GetClassOptions { LocalOnly = true });

        disk.Properties.Select(p => p.Name).Should().Equal("Size", "Capacity");
        disk.Properties.Select(p => p.Ordinal).Should().Equal(0, 1);
        (await h.Ops.GetClassAsync(Ctx, Ns, "T_Disk")).Properties.Select(p => p.Name).Should().Equal("Id", "Name", "Size", "Vendor", "Capacity");
    }

    [Fact]
    public async Task Qualifiers_and_class_origin_can_be_left_out()
    {
        var h = Create();

        var full = await h.Ops.GetClassAsync(Ctx, Ns, "T_Device");
        var bare = await h.Ops.GetClassAsync(Ctx, Ns, "T_Device", new GetClassOptions { IncludeQualifiers = false, IncludeClassOrigin = false });

        full.Properties["Name"]!.Qualifiers.Find("Description").Should().NotBeNull();
        full.Properties["Name"]!.ClassOrigin.Should().Be("T_Element");
        bare.Properties["Name"]!.Qualifiers.Should().BeEmpty();
        bare.Properties["Name"]!.ClassOrigin.Should().BeEmpty();
        bare.Properties["Id"]!.IsKey.Should().BeTrue("keys are structural, not only a qualifier");
        bare.Qualifiers.Should().BeEmpty();

        var service = await h.Ops.GetClassAsync(Ctx, Ns, "T_Service", new GetClassOptions { IncludeQualifiers = false });
        var start = service.FindMethod("Start")!;
        start.Qualifiers.Should().BeEmpty();
        start.FindParameter("Result")!.IsOut.Should().BeTrue("parameters keep their direction");
        start.ClassOrigin.Should().Be("T_Service");
    }

    [Fact]
    public async Task PropertyList_filters_properties_and_ignores_unknown_names()
    {
        var h = Create();

        var c = await h.Ops.GetClassAsync(Ctx, Ns, "T_Disk", new GetClassOptions { PropertyList = ["capacity", "NAME", "Nonsense"] });

        c.Properties.Select(p => p.Name).Should().Equal("Name", "Capacity");
    }

    [Fact]
    public async Task Missing_class_is_NotFound_and_missing_namespace_InvalidNamespace()
    {
        var h = Create();

        (await FluentActions.Awaiting(() => h.Ops.GetClassAsync(Ctx, Ns, "T_None").AsTask()).Should().ThrowAsync<CimException>())
            .Which.StatusCode.Should().Be(CimStatusCode.NotFound);
        (await FluentActions.Awaiting(() => h.Ops.GetClassAsync(Ctx, "root/none", "T_Element").AsTask()).Should().ThrowAsync<CimException>())
            .Which.StatusCode.Should().Be(CimStatusCode.InvalidNamespace);
    }

    [Fact]
    public async Task Enumerate_class_names_shallow_and_deep()
    {
        var h = Create();

        (await ListAsync(h.Ops.EnumerateClassNamesAsync(Ctx, Ns, "T_Element"))).Should().Equal("T_Device");
        (await ListAsync(h.Ops.EnumerateClassNamesAsync(Ctx, Ns, "t_element", deepInheritance: true))).Should().Equal("T_Device", "T_Disk");
        (await ListAsync(h.Ops.EnumerateClassNamesAsync(Ctx, Ns))).Should().Contain(["T_Element", "T_System", "T_Hosted"])
            .And.NotContain("T_Device");
        (await ListAsync(h.Ops.EnumerateClassNamesAsync(Ctx, Ns, deepInheritance: true))).Should().Contain(["T_Device", "T_Disk", "T_HostedDisk"]);
        FluentActions.Invoking(() => h.Ops.EnumerateClassNamesAsync(Ctx, Ns, "T_None")).Should().Throw<CimException>()
            .Which.StatusCode.Should().Be(CimStatusCode.InvalidClass);
    }

    [Fact]
    public async Task Enumerate_classes_applies_the_options_to_each_class()
    {
        var h = Create();

        var classes = await ListAsync(h.Ops.EnumerateClassesAsync(Ctx, Ns, "T_Element", deepInheritance: true, new GetClassOptions { LocalOnly = true }));

        classes.Select(c => c.Name).Should().Equal("T_Device", "T_Disk");
        classes[0].Properties.Select(p => p.Name).Should().Equal("Vendor");
    }

    [Fact]
    public async Task Creating_a_duplicate_or_a_class_with_a_missing_superclass_is_refused()
    {
        var h = Create();

        (await FluentActions.Awaiting(() => h.Ops.CreateClassAsync(Ctx, Ns, Decl("T_Element", null, P("Id", CimType.String, key: true))).AsTask())
            .Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.AlreadyExists);
        (await FluentActions.Awaiting(() => h.Ops.CreateClassAsync(Ctx, Ns, Decl("T_Orphan", "T_Nowhere")).AsTask())
            .Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.InvalidSuperclass);
    }

    [Fact]
    public async Task Delete_refuses_classes_with_children_or_instances()
    {
        var h = Create();
        await h.AddAsync("T_Disk", ("Id", "d1"));

        (await FluentActions.Awaiting(() => h.Ops.DeleteClassAsync(Ctx, Ns, "T_Device").AsTask()).Should().ThrowAsync<CimException>())
            .Which.StatusCode.Should().Be(CimStatusCode.ClassHasChildren);
        (await FluentActions.Awaiting(() => h.Ops.DeleteClassAsync(Ctx, Ns, "T_Disk").AsTask()).Should().ThrowAsync<CimException>())
            .Which.StatusCode.Should().Be(CimStatusCode.ClassHasInstances);
        (await FluentActions.Awaiting(() => h.Ops.DeleteClassAsync(Ctx, Ns, "T_None").AsTask()).Should().ThrowAsync<CimException>())
            .Which.StatusCode.Should().Be(CimStatusCode.NotFound);

        await h.Ops.DeleteInstanceAsync(Ctx, PathOf("T_Disk", ("Id", "d1")));
        await h.Ops.DeleteClassAsync(Ctx, Ns, "t_disk");
        h.Namespace.Schema.FindClass("T_Disk").Should().BeNull();
    }

    [Fact]
    public async Task Modify_refuses_classes_with_children_or_instances_and_replaces_leaves()
    {
        var h = Create();
        await h.AddAsync("T_Two", ("A", "x"), ("B", 1));

        (await FluentActions.Awaiting(() => h.Ops.ModifyClassAsync(Ctx, Ns, Decl("T_Device", "T_Element")).AsTask()).Should().ThrowAsync<CimException>())
            .Which.StatusCode.Should().Be(CimStatusCode.ClassHasChildren);
        (await FluentActions.Awaiting(() => h.Ops.ModifyClassAsync(Ctx, Ns, Decl("T_Two", null, P("A", CimType.String, key: true))).AsTask())
            .Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.ClassHasInstances);
        (await FluentActions.Awaiting(() => h.Ops.ModifyClassAsync(Ctx, Ns, Decl("T_None", null)).AsTask()).Should().ThrowAsync<CimException>())
            .Which.StatusCode.Should().Be(CimStatusCode.NotFound);

        var modified = await h.Ops.ModifyClassAsync(Ctx, Ns, Decl("T_Disk", "T_Device", P("Rpm", CimType.UInt32)));
        modified.Properties.Select(p => p.Name).Should().Equal("Id", "Name", "Size", "Vendor", "Rpm");
        (await h.Ops.GetClassAsync(Ctx, Ns, "T_Disk")).Should().BeSameAs(modified);
    }

    [Fact]
    public async Task Qualifier_types_can_be_read_set_and_deleted()
    {
        var h = Create();
        var declaration = new CimQualifierDeclaration("MyTag", CimDataType.Scalar(CimType.String), null, CimScope.Class, CimFlavor.None);

        (await h.Ops.GetQualifierAsync(Ctx, Ns, "key")).Name.Should().Be("Key");
        (await FluentActions.Awaiting(() => h.Ops.GetQualifierAsync(Ctx, Ns, "MyTag").AsTask()).Should().ThrowAsync<CimException>())
            .Which.StatusCode.Should().Be(CimStatusCode.NotFound);

        await h.Ops.SetQualifierAsync(Ctx, Ns, declaration);
        (await h.Ops.GetQualifierAsync(Ctx, Ns, "mytag")).Should().Be(declaration);
        (await ListAsync(h.Ops.EnumerateQualifiersAsync(Ctx, Ns))).Should().Contain(declaration);

        await h.Ops.DeleteQualifierAsync(Ctx, Ns, "MyTag");
        (await FluentActions.Awaiting(() => h.Ops.DeleteQualifierAsync(Ctx, Ns, "MyTag").AsTask()).Should().ThrowAsync<CimException>())
            .Which.StatusCode.Should().Be(CimStatusCode.NotFound);
        (await FluentActions.Awaiting(() => h.Ops.DeleteQualifierAsync(Ctx, Ns, "Description").AsTask()).Should().ThrowAsync<CimException>())
            .Which.StatusCode.Should().Be(CimStatusCode.Failed, "class T_Element uses it");
    }

    [Fact]
    public async Task Namespaces_can_be_enumerated_created_and_deleted()
    {
        var h = Create();

        await h.Ops.CreateNamespaceAsync(Ctx, "root/other");
        (await ListAsync(h.Ops.EnumerateNamespacesAsync(Ctx))).Should().Equal("root/other", Ns);
        (await FluentActions.Awaiting(() => h.Ops.CreateNamespaceAsync(Ctx, "ROOT/OTHER").AsTask()).Should().ThrowAsync<CimException>())
            .Which.StatusCode.Should().Be(CimStatusCode.AlreadyExists);
        (await FluentActions.Awaiting(() => h.Ops.DeleteNamespaceAsync(Ctx, Ns).AsTask()).Should().ThrowAsync<CimException>())
            .Which.StatusCode.Should().Be(CimStatusCode.NamespaceNotEmpty);

        await h.Ops.DeleteNamespaceAsync(Ctx, "root/other");
        (await ListAsync(h.Ops.EnumerateNamespacesAsync(Ctx))).Should().Equal(Ns);
    }
}
