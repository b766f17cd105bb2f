using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Operations.OperationsHarness;

namespace CimCloud.Cimom.Tests.Operations;

public class ConcurrencyTests
{
    private const int Writers = 8;
    private const int PerWriter = 400;

    [Fact]
    public async Task Parallel_readers_and_writers_see_consistent_stores()
    {
        var h = Create();
        for (var i = 0; i < 50; i++)
            await h.AddAsync("T_Element", ("Id", $"base-{i}"));
        using var stop = new CancellationTokenSource();

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                var className = i % 3 == 0 ? "T_Disk" : "T_Device";
                var path = await h.AddAsync(className, ("Id", $"w{w}-{i}"), ("Vendor", "v"));
                if (i % 4 == 0)
                    await h.Ops.DeleteInstanceAsync(Ctx, path);
                else if (i % 4 == 1)
                    await h.Ops.ModifyInstanceAsync(Ctx, h.New(className, ("Id", $"w{w}-{i}"), ("Vendor", "changed")), ["Vendor"]);
            }
        })).ToArray();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var rounds = 0;
            while (!stop.IsCancellationRequested || rounds == 0)
            {
                var seen = 0;
                await foreach (var instance in h.Ops.EnumerateInstancesAsync(Ctx, Ns, "T_Element"))
                {
                    instance.IsReadOnly.Should().BeTrue();
                    seen++;
                }

                seen.Should().BeGreaterThanOrEqualTo(50);
                (await h.Ops.GetInstanceAsync(Ctx, PathOf("T_Element", ("Id", "base-7"))))["Id"].Should().Be("base-7");
                rounds++;
            }

            return rounds;
        })).ToArray();

        await Task.WhenAll(writers);
        await stop.CancelAsync();
        var rounds = await Task.WhenAll(readers);

        var expected = 50 + (Writers * PerWriter) - (Writers * PerWriter / 4);
        (await ListAsync(h.Ops.EnumerateInstanceNamesAsync(Ctx, Ns, "T_Element"))).Should().HaveCount(expected);
        h.Namespace.InstanceCount.Should().Be(expected);
        var changed = (await ListAsync(h.Ops.EnumerateInstancesAsync(Ctx, Ns, "T_Device"))).Count(i => (string?)i["Vendor"] == "changed");
        changed.Should().Be(Writers * PerWriter / 4);
        rounds.Should().AllSatisfy(r => r.Should().BePositive());
    }

    [Fact]
    public async Task Class_deletion_racing_instance_creation_never_orphans_instances()
    {
        for (var round = 0; round < 20; round++)
        {
            var h = Create();
            var create = Task.Run(async () =>
            {
                try
                {
                    await h.AddAsync("T_Two", ("A", "x"), ("B", 1));
                    return true;
                }
                catch (CimException e) when (e.StatusCode == CimStatusCode.InvalidClass)
                {
                    return false;
                }
            });
            var delete = Task.Run(async () =>
            {
                try
                {
                    await h.Ops.DeleteClassAsync(Ctx, Ns, "T_Two");
                    return true;
                }
                catch (CimException e) when (e.StatusCode == CimStatusCode.ClassHasInstances)
                {
                    return false;
                }
            });

            var (created, deleted) = (await create, await delete);

            (created ^ deleted).Should().BeTrue("exactly one of the two wins");
            h.Namespace.InstanceCount.Should().Be(created ? 1 : 0);
            (h.Namespace.Schema.FindClass("T_Two") is null).Should().Be(deleted);
        }
    }
}
