using CimCloud.Cimom.Model;
using CimCloud.Cimom.Schema;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Persistence.DurableHarness;

namespace CimCloud.Cimom.Tests.Persistence;

public sealed class StoreReplayTests : IDisposable
{
    private readonly DurableHarness _data = new();

    public void Dispose() => _data.Dispose();

    private static CimQualifier Q(string name, object value, CimType type = CimType.Boolean) => new(name, CimDataType.Scalar(type), value, CimFlavor.None);

    private static CimPropertyDeclaration P(string name, CimType type, bool key = false, params CimQualifier[] more) =>
        new(name, CimDataType.Scalar(type), null, key ? [Q("Key", true), .. more] : [.. more]);

    private static CimClassDeclaration Decl(string name, string? super, params CimPropertyDeclaration[] properties) => new(name, super, [], properties, []);

    [Fact]
    public async Task Created_modified_and_deleted_instances_come_back_after_a_restart()
    {
        string before;
        using (var s = _data.Start())
        {
            await s.Ops.CreateInstanceAsync(Ctx, s.New("S_Element", ("Id", "a"), ("Name", "first"), ("Born", "20260102030405.000000+000"), ("Tags", new[] { "x", "y" })));
            await s.Ops.CreateInstanceAsync(Ctx, s.New("S_Device", ("Id", "b"), ("Vendor", "acme")));
            await s.Ops.CreateInstanceAsync(Ctx, s.New("S_Element", ("Id", "c")));
            await s.Ops.ModifyInstanceAsync(Ctx, s.New("S_Element", ("Id", "a"), ("Name", "second")), ["Name"]);
            await s.Ops.DeleteInstanceAsync(Ctx, Server.PathOf("S_Element", "c"));
            await s.Ops.CreateInstanceAsync(Ctx, s.New("S_Link", ("Left", Server.PathOf("S_Element", "a")), ("Right", Server.PathOf("S_Device", "b"))));
            before = s.Snapshot();
        }

        using var again = _data.Start();
        again.Snapshot().Should().Be(before);
        var a = await again.FindAsync("S_Element", "a");
        a!["Name"].Should().Be("second");
        a["Tags"].Should().BeEquivalentTo(new[] { "x", "y" });
        a["Born"].Should().BeOfType<CimDateTime>().Which.ToString().Should().Be("20260102030405.000000+000");
        (await again.FindAsync("S_Element", "c")).Should().BeNull();
        (await again.FindAsync("S_Element", "b")).Should().NotBeNull("a path naming the superclass finds the stored S_Device");
        var links = again.Namespace.EnumerateInstances("S_Link").ToList();
        links.Should().ContainSingle();
    }

    [Fact]
    public async Task Startup_mof_instances_are_not_duplicated_and_client_changes_to_them_win()
    {
        using (var s = _data.Start())
        {
            await s.Ops.ModifyInstanceAsync(Ctx, s.New("S_Element", ("Id", "mof-1"), ("Name", "changed by client")), ["Name"]);
            await s.Ops.DeleteInstanceAsync(Ctx, Server.PathOf("S_Element", "mof-2"));
        }

        for (var restart = 0; restart < 2; restart++)
        {
            using var again = _data.Start();
            again.Namespace.CountInstances("S_Element").Should().Be(1);
            (await again.FindAsync("S_Element", "mof-1"))!["Name"].Should().Be("changed by client");
            (await again.FindAsync("S_Element", "mof-2")).Should().BeNull("the client deleted it; the start-up MOF brings it back and the stored deletion removes it again");
        }
    }

    [Fact]
    public async Task The_store_holds_only_client_changes_not_the_startup_mof()
    {
        using (var s = _data.Start())
        {
            s.Store.RowCount.Should().Be(0);
            await s.Ops.CreateInstanceAsync(Ctx, s.New("S_Leaf", ("Id", "one")));
            s.Store.RowCount.Should().Be(1);
        }

        using var again = _data.Start();
        again.Replayed.Instances.Should().Be(1);
        again.Store.RowCount.Should().Be(1, "a replay writes nothing back");
    }

    [Fact]
    public async Task Classes_created_modified_and_deleted_by_clients_come_back()
    {
        string before;
        using (var s = _data.Start())
        {
            await s.Ops.CreateClassAsync(Ctx, Ns, Decl("S_New", "S_Element", P("Extra", CimType.String)));
            await s.Ops.CreateClassAsync(Ctx, Ns, Decl("S_Root", null, P("Key1", CimType.String, key: true), P("Count", CimType.UInt32)));
            await s.Ops.CreateClassAsync(Ctx, Ns, Decl("S_Gone", null, P("K", CimType.String, key: true)));
            await s.Ops.ModifyClassAsync(Ctx, Ns, Decl("S_Root", null, P("Key1", CimType.String, key: true), P("Count", CimType.UInt64), P("Added", CimType.String)));
            await s.Ops.DeleteClassAsync(Ctx, Ns, "S_Gone");
            await s.Ops.ModifyClassAsync(Ctx, Ns, Decl("S_Leaf", null, P("Id", CimType.String, key: true), P("Note", CimType.String), P("Later", CimType.Boolean)));
            await s.Ops.DeleteClassAsync(Ctx, Ns, "S_Link");
            await s.Ops.CreateInstanceAsync(Ctx, s.New("S_Root", ("Key1", "r"), ("Count", 5UL), ("Added", "yes")));
            await s.Ops.CreateInstanceAsync(Ctx, s.New("S_New", ("Id", "n"), ("Extra", "e")));
            before = s.Snapshot();
        }

        using var again = _data.Start();
        again.Snapshot().Should().Be(before);
        var schema = again.Namespace.Schema;
        schema.GetClass("S_Root").Properties["Count"]!.DataType.Type.Should().Be(CimType.UInt64);
        schema.GetClass("S_Leaf").Properties["Later"].Should().NotBeNull("the client's change to a start-up MOF class wins");
        schema.FindClass("S_Gone").Should().BeNull();
        schema.FindClass("S_Link").Should().BeNull("a start-up MOF class the client deleted stays deleted");
        schema.GetClass("S_New").SuperClassName.Should().Be("S_Element");
    }

    [Fact]
    public async Task Qualifier_declarations_set_and_deleted_by_clients_come_back()
    {
        using (var s = _data.Start())
        {
            await s.Ops.SetQualifierAsync(Ctx, Ns, new CimQualifierDeclaration("Units2", CimDataType.Scalar(CimType.String), null, CimScope.Property, CimFlavor.None));
            await s.Ops.SetQualifierAsync(Ctx, Ns, new CimQualifierDeclaration("Color", CimDataType.Scalar(CimType.String), "red", CimScope.Property, CimFlavor.ToSubclass));
            await s.Ops.CreateClassAsync(Ctx, Ns, Decl("S_Units", null, P("Id", CimType.String, true), P("Mass", CimType.Real64, false, Q("Units2", "kg", CimType.String))));
            await s.Ops.SetQualifierAsync(Ctx, Ns, new CimQualifierDeclaration("Temp", CimDataType.Scalar(CimType.Boolean), null, CimScope.Class, CimFlavor.None));
            await s.Ops.DeleteQualifierAsync(Ctx, Ns, "Temp");
        }

        using var again = _data.Start();
        var schema = again.Namespace.Schema;
        schema.FindQualifier("Units2").Should().NotBeNull();
        schema.FindQualifier("Color")!.DefaultValue.Should().Be("red");
        schema.FindQualifier("Temp").Should().BeNull();
        schema.GetClass("S_Units").Properties["Mass"]!.Qualifiers.Find("Units2")!.Value.Should().Be("kg");
    }

    [Fact]
    public async Task Namespaces_created_by_clients_come_back_with_their_content_and_deleted_ones_stay_deleted()
    {
        using (var s = _data.Start())
        {
            await s.Ops.CreateNamespaceAsync(Ctx, "root/client");
            await s.Ops.CreateClassAsync(Ctx, "root/client", Decl("C_Thing", null, P("Id", CimType.String, key: true)));
            await s.Ops.CreateInstanceAsync(Ctx, s.NewIn("root/client", "C_Thing", ("Id", "t1")));
            await s.Ops.CreateNamespaceAsync(Ctx, "root/temporary");
            await s.Ops.DeleteNamespaceAsync(Ctx, "root/temporary");
        }

        using var again = _data.Start();
        again.Repository.NamespaceNames.Should().Contain("root/client").And.NotContain("root/temporary");
        (await again.FindAsync("C_Thing", "t1", "root/client")).Should().NotBeNull();
    }

    [Fact]
    public async Task Concurrent_writers_leave_a_store_that_replays_to_exactly_the_live_state()
    {
        string before;
        using (var s = _data.Start())
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, 8), async (worker, ct) =>
            {
                var random = new Random(worker);
                for (var i = 0; i < 40; i++)
                {
                    var id = $"w{worker}-{random.Next(6)}";
                    var existing = await s.FindAsync("S_Element", id);
                    if (existing is null)
                        await s.Ops.CreateInstanceAsync(Ctx, s.New("S_Element", ("Id", id), ("Name", $"v{i}")), ct);
                    else if (random.Next(4) == 0)
                        await s.Ops.DeleteInstanceAsync(Ctx, Server.PathOf("S_Element", id), ct);
                    else
                        await s.Ops.ModifyInstanceAsync(Ctx, s.New("S_Element", ("Id", id), ("Name", $"v{i}"), ("Size", (uint)i)), ["Name", "Size"], ct);
                }
            });
            before = s.Snapshot();
        }

        using var again = _data.Start();
        again.Snapshot().Should().Be(before);
    }

    [Fact]
    public async Task A_stored_change_that_no_longer_applies_stops_the_start_with_a_message_naming_it()
    {
        using (var s = _data.Start())
            await s.Ops.CreateInstanceAsync(Ctx, s.New("S_Device", ("Id", "d"), ("Vendor", "acme")));

        var act = () => _data.Start("class S_Element { [Key] string Id; };");

        act.Should().Throw<CimCloud.Cimom.Persistence.RepositoryStoreException>()
            .WithMessage("*stored change #1*S_Device*cannot be replayed*");
        File.Exists(_data.DatabasePath).Should().BeTrue();
        using var withOriginalMof = _data.Start();
        (await withOriginalMof.FindAsync("S_Device", "d")).Should().NotBeNull("nothing was lost by the failed start");
    }
}
