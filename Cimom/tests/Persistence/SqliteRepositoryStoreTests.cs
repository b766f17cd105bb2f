using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Persistence;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Repository.Journal;
using CimCloud.Cimom.Tests.Operations;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Persistence.DurableHarness;

namespace CimCloud.Cimom.Tests.Persistence;

public sealed class SqliteRepositoryStoreTests : IDisposable
{
    private readonly DurableHarness _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void A_second_server_cannot_open_a_data_directory_in_use()
    {
        using var first = SqliteRepositoryStore.Open(_data.Directory);

        var act = () => SqliteRepositoryStore.Open(_data.Directory);

        act.Should().Throw<RepositoryStoreException>().WithMessage("*in use by another server*");
    }

    [Fact]
    public void The_directory_can_be_opened_again_once_the_first_store_is_closed()
    {
        SqliteRepositoryStore.Open(_data.Directory).Dispose();

        using var again = SqliteRepositoryStore.Open(_data.Directory);

        again.RowCount.Should().Be(0);
    }

    [Fact]
    public void The_database_runs_in_wal_mode()
    {
        SqliteRepositoryStore.Open(_data.Directory).Dispose();

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_data.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        command.ExecuteScalar().Should().Be("wal");
    }

    [Fact]
    public void A_file_that_is_not_a_database_gives_a_clear_error_and_is_left_untouched()
    {
        Directory.CreateDirectory(_data.Directory);
        var garbage = Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(_data.DatabasePath, garbage);

        var act = () => SqliteRepositoryStore.Open(_data.Directory);

        act.Should().Throw<RepositoryStoreException>().WithMessage($"*{_data.DatabasePath}*left as it is*");
        File.ReadAllBytes(_data.DatabasePath).Should().Equal(garbage);
    }

    [Fact]
    public async Task A_damaged_database_gives_a_clear_error_and_is_left_untouched()
    {
        using (var s = _data.Start())
        {
            for (var i = 0; i < 200; i++)
                await s.Ops.CreateInstanceAsync(Ctx, s.New("S_Leaf", ("Id", $"leaf-{i}"), ("Note", new string('n', 200))));
        }

        // Checkpoint the WAL into the main file, then overwrite a page in the middle of it.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_data.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            command.ExecuteNonQuery();
        }

        var bytes = File.ReadAllBytes(_data.DatabasePath);
        bytes.Length.Should().BeGreaterThan(3 * 4096);
        for (var i = 4096 * 2; i < 4096 * 3; i++)
            bytes[i] = 0x5A;
        File.WriteAllBytes(_data.DatabasePath, bytes);

        var act = () => _data.Start();

        act.Should().Throw<RepositoryStoreException>().WithMessage("*left as it is*");
        File.ReadAllBytes(_data.DatabasePath).Should().Equal(bytes);
    }

    [Fact]
    public async Task When_the_journal_fails_the_operation_fails_and_nothing_changes_in_memory()
    {
        var h = OperationsHarness.Create();
        var before = h.Namespace.InstanceCount;
        var journal = new FailingJournal();
        h.Repository.AttachJournal(journal);

        var create = async () => await h.AddAsync("T_Element", ("Id", "x"));

        await create.Should().ThrowAsync<CimException>().WithMessage("*disk on fire*");
        h.Namespace.InstanceCount.Should().Be(before);
        var createClass = async () => await h.Ops.CreateClassAsync(OperationsHarness.Ctx, OperationsHarness.Ns,
            new CimCloud.Cimom.Schema.CimClassDeclaration("T_Other", null, [], [], []));
        await createClass.Should().ThrowAsync<CimException>();
        h.Namespace.Schema.FindClass("T_Other").Should().BeNull();
        journal.Attempts.Should().Be(2);
    }

    [Fact]
    public async Task Provider_backed_classes_are_not_journaled()
    {
        var h = OperationsHarness.Create();
        var provider = new FakeInstanceProvider();
        h.Providers.RegisterInstanceProvider(OperationsHarness.Ns, "T_Two", provider);
        var journal = new RecordingJournal();
        h.Repository.AttachJournal(journal);

        await h.AddAsync("T_Two", ("A", "a"), ("B", 1));
        await h.AddAsync("T_Element", ("Id", "e"));

        journal.Changes.Should().ContainSingle().Which.Should().BeOfType<InstanceSaved>().Which.Instance.ClassName.Should().Be("T_Element");
    }

    [Fact]
    public async Task Concurrent_modifies_of_different_properties_of_one_instance_lose_no_update()
    {
        var properties = Enumerable.Range(0, 12).Select(i => $"P{i}").ToArray();
        var h = OperationsHarness.Create($"class T_Wide {{ [Key] string Id; {string.Concat(properties.Select(p => $"uint32 {p}; "))}}};");
        h.Providers.RegisterInstanceProvider(OperationsHarness.Ns, "T_Wide", new YieldingRepositoryProvider());
        await h.AddAsync("T_Wide", ("Id", "w"));

        await Parallel.ForEachAsync(properties, new ParallelOptions { MaxDegreeOfParallelism = properties.Length }, async (property, ct) =>
        {
            for (var round = 1; round <= 20; round++)
                await h.Ops.ModifyInstanceAsync(OperationsHarness.Ctx, h.New("T_Wide", ("Id", "w"), (property, (uint)round)), [property], ct);
        });

        var wide = await h.Ops.GetInstanceAsync(OperationsHarness.Ctx, new CimObjectPath(OperationsHarness.Ns, "T_Wide", [new CimKeyBinding("Id", "w", CimType.String)]));
        foreach (var property in properties)
            wide[property].Should().Be(20u, property);
    }

    private sealed class FailingJournal : IRepositoryJournal
    {
        public int Attempts { get; private set; }

        public void Write(IReadOnlyList<RepositoryChange> changes)
        {
            Attempts++;
            throw new CimException(CimStatusCode.Failed, "disk on fire");
        }
    }

    private sealed class RecordingJournal : IRepositoryJournal
    {
        public List<RepositoryChange> Changes { get; } = [];

        public void Write(IReadOnlyList<RepositoryChange> changes)
        {
            lock (Changes)
                Changes.AddRange(changes);
        }
    }
}
