using CimCloud.Cimom.Model;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Repository.RepositoryTestSchema;

namespace CimCloud.Cimom.Tests.Repository;

public class ReferenceIndexTests
{
    private const string Ns = "root/a";

    private static (CimNamespace Ns, CimSchema Schema) Setup()
    {
        var ns = new CimRepository().CreateNamespace(Ns);
        var schema = With(ns.Schema,
            Class("T_Base", null, Prop("Name", CimType.String, key: true)),
            Class("T_Sub", "T_Base", Prop("Extra", CimType.String)),
            Association("T_Link", Ref("Left", "T_Base"), Ref("Right", "T_Base"), Prop("Note", CimType.String)));
        ns.Commit(ns.Schema, schema, []);
        return (ns, schema);
    }

    private static CimObjectPath P(string className, string name) => new(null, className, [new CimKeyBinding("Name", name, CimType.String)]);

    private static CimObjectPath Normalized(CimSchema schema, string className, string name) =>
        InstancePathNormalizer.Normalize(schema.GetClass(className), P(className, name), Ns);

    [Fact]
    public void Referrers_are_found_through_the_index_and_forgotten_on_delete()
    {
        var (ns, schema) = Setup();
        ns.AddInstance(Instance(schema, "T_Base", Ns, ("Name", "a")));
        ns.AddInstance(Instance(schema, "T_Base", Ns, ("Name", "b")));
        var link = ns.AddInstance(Instance(schema, "T_Link", Ns, ("Left", P("t_base", "a")), ("Right", P("T_Base", "b"))));
        var a = Normalized(schema, "T_Base", "a");
        var b = Normalized(schema, "T_Base", "b");
        var baseClass = schema.GetClass("T_Base");

        ns.FindReferrers(a, baseClass).Should().ContainSingle();
        ns.FindReferrers(a, baseClass, "T_Link", "LEFT").Should().ContainSingle();
        ns.FindReferrers(a, baseClass, "T_Link", "Right").Should().BeEmpty();
        ns.FindReferrers(b, baseClass, role: "right").Should().ContainSingle();
        ns.FindReferrers(a, baseClass, "T_Other").Should().BeEmpty();

        ns.RemoveInstance(InstancePathNormalizer.Normalize(schema.GetClass("T_Link"), link, Ns, schema)).Should().BeTrue();
        ns.FindReferrers(a, baseClass).Should().BeEmpty();
        ns.FindReferrers(b, baseClass).Should().BeEmpty();
    }

    [Fact]
    public void A_reference_naming_a_superclass_finds_the_subclass_instance()
    {
        var (ns, schema) = Setup();
        ns.AddInstance(Instance(schema, "T_Sub", Ns, ("Name", "s")));
        ns.AddInstance(Instance(schema, "T_Link", Ns, ("Left", P("T_Base", "s")), ("Right", P("T_Sub", "s"))));

        var referrers = ns.FindReferrers(Normalized(schema, "T_Sub", "s"), schema.GetClass("T_Sub")).ToList();

        referrers.Should().ContainSingle("one association instance refers to it, through two roles");
    }

    [Fact]
    public void Replacing_an_association_moves_its_index_entries()
    {
        var (ns, schema) = Setup();
        var left = P("T_Base", "a");
        ns.AddInstance(Instance(schema, "T_Link", Ns, ("Left", left), ("Right", P("T_Base", "b")), ("Note", "1")));

        ns.ReplaceInstance(Instance(schema, "T_Link", Ns, ("Left", left), ("Right", P("T_Base", "b")), ("Note", "2")));

        var found = ns.FindReferrers(Normalized(schema, "T_Base", "a"), schema.GetClass("T_Base")).Should().ContainSingle().Subject;
        found["Note"].Should().Be("2");
    }
}
