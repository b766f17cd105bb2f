using CimCloud.Cimom.Model;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Repository.RepositoryTestSchema;

namespace CimCloud.Cimom.Tests.Repository;

public class CimNamespaceCommitTests
{
    private const string Ns = "root/a";

    private static (CimNamespace Ns, CimSchema Basis, CimSchema Updated) Setup()
    {
        var ns = new CimRepository().CreateNamespace(Ns);
        var basis = ns.Schema;
        var updated = With(basis,
            Class("T_Thing", null, Prop("Id", CimType.String, key: true), Prop("Count", CimType.UInt32)),
            Abstract("T_Abs", Prop("Id", CimType.String, key: true)));
        return (ns, basis, updated);
    }

    [Fact]
    public void Commit_publishes_the_schema_and_stores_frozen_instances_with_the_namespace()
    {
        var (ns, basis, updated) = Setup();
        var a = Instance(updated, "T_Thing", "elsewhere", ("Id", "a"), ("Count", 1));

        ns.Commit(basis, updated, [a]);

        ns.Schema.Should().BeSameAs(updated);
        var stored = ns.FindInstance(new CimObjectPath(null, "t_thing", [new CimKeyBinding("id", "a", CimType.String)]));
        stored.Should().NotBeNull();
        stored!.IsReadOnly.Should().BeTrue();
        stored.Namespace.Should().Be(Ns);
        stored["Count"].Should().Be(1u);
        stored.Should().NotBeSameAs(a, "the repository stores its own copy");
        ns.InstanceCount.Should().Be(1);
    }

    [Fact]
    public void Commit_against_a_changed_schema_fails_and_changes_nothing()
    {
        var (ns, basis, updated) = Setup();
        ns.UpdateSchema(s => With(s, Class("T_Other", null, Prop("Id", CimType.String, key: true))));
        var current = ns.Schema;

        var act = () => ns.Commit(basis, updated, [Instance(updated, "T_Thing", Ns, ("Id", "a"))]);

        act.Should().Throw<CimException>().Where(e => e.StatusCode == CimStatusCode.Failed && e.Message.Contains("changed during compile"));
        ns.Schema.Should().BeSameAs(current);
        ns.InstanceCount.Should().Be(0);
    }

    [Fact]
    public void Duplicates_within_the_batch_are_AlreadyExists_naming_the_path_and_nothing_is_stored()
    {
        var (ns, basis, updated) = Setup();

        var act = () => ns.Commit(basis, updated,
            [Instance(updated, "T_Thing", Ns, ("Id", "a")), Instance(updated, "T_Thing", Ns, ("Id", "b")), Instance(updated, "T_Thing", Ns, ("Id", "a"))]);

        act.Should().Throw<CimException>().Where(e => e.StatusCode == CimStatusCode.AlreadyExists && e.Message.Contains("Id=\"a\""));
        ns.Schema.Should().BeSameAs(basis);
        ns.InstanceCount.Should().Be(0);
    }

    [Fact]
    public void Duplicates_of_stored_instances_are_AlreadyExists()
    {
        var (ns, basis, updated) = Setup();
        ns.Commit(basis, updated, [Instance(updated, "T_Thing", Ns, ("Id", "a"))]);

        var act = () => ns.Commit(updated, updated, [Instance(updated, "T_Thing", Ns, ("Id", "b")), Instance(updated, "T_Thing", Ns, ("Id", "a"))]);

        act.Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.AlreadyExists);
        ns.InstanceCount.Should().Be(1);
    }

    [Fact]
    public void Instances_of_abstract_classes_or_without_keys_or_of_foreign_classes_are_refused()
    {
        var (ns, basis, updated) = Setup();
        var abs = new CimInstance(updated.GetClass("T_Abs"), Ns);
        abs["Id"] = "x";
        var keyless = Instance(updated, "T_Thing", Ns, ("Count", 3));
        var foreign = Instance(With(basis, Class("T_Thing", null, Prop("Id", CimType.String, key: true))), "T_Thing", Ns, ("Id", "f"));

        FluentActions.Invoking(() => ns.Commit(basis, updated, [abs])).Should().Throw<CimException>()
            .Where(e => e.StatusCode == CimStatusCode.InvalidParameter && e.Message.Contains("abstract"));
        FluentActions.Invoking(() => ns.Commit(basis, updated, [keyless])).Should().Throw<CimException>()
            .Where(e => e.StatusCode == CimStatusCode.InvalidParameter && e.Message.Contains("Id"));
        FluentActions.Invoking(() => ns.Commit(basis, updated, [foreign])).Should().Throw<CimException>()
            .Which.StatusCode.Should().Be(CimStatusCode.InvalidClass);
        ns.Schema.Should().BeSameAs(basis);
    }

    [Fact]
    public void A_schema_update_that_drops_a_class_with_instances_is_ClassHasInstances()
    {
        var (ns, basis, updated) = Setup();
        ns.Commit(basis, updated, [Instance(updated, "T_Thing", Ns, ("Id", "a"))]);

        var act = () => ns.UpdateSchema(s =>
        {
            var b = new CimSchemaBuilder(s);
            b.RemoveClass("T_Thing", out _).Should().BeTrue();
            return b.Build();
        });

        act.Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.ClassHasInstances);
        ns.Schema.Should().BeSameAs(updated);
    }

    [Fact]
    public void Add_replace_remove_round_trip_and_stale_class_objects_are_refused()
    {
        var (ns, basis, updated) = Setup();
        ns.Commit(basis, updated, []);

        var path = ns.AddInstance(Instance(updated, "T_Thing", Ns, ("Id", "a"), ("Count", 1)));
        path.ToString().Should().Be("/root/a:T_Thing.Id=\"a\"");
        FluentActions.Invoking(() => ns.AddInstance(Instance(updated, "T_Thing", Ns, ("Id", "a"))))
            .Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.AlreadyExists);

        ns.ReplaceInstance(Instance(updated, "T_Thing", Ns, ("Id", "a"), ("Count", 2)));
        ns.FindInstance(path)!["Count"].Should().Be(2u);
        FluentActions.Invoking(() => ns.ReplaceInstance(Instance(updated, "T_Thing", Ns, ("Id", "zz"))))
            .Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.NotFound);

        var stale = Instance(With(basis, Class("T_Thing", null, Prop("Id", CimType.String, key: true))), "T_Thing", Ns, ("Id", "b"));
        FluentActions.Invoking(() => ns.AddInstance(stale)).Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.InvalidClass);

        ns.RemoveInstance(path).Should().BeTrue();
        ns.RemoveInstance(path).Should().BeFalse();
        ns.InstanceCount.Should().Be(0);
        ns.EnumerateInstances("T_Thing").Should().BeEmpty();
    }
}
