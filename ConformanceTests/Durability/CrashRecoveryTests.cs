using System.Net;
using CimCloud.ConformanceTests.WsMan;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.Durability;

/// <summary>
/// <c>cimcloud serve --data DIR</c> killed with SIGKILL in the middle of concurrent writes: after a restart on the same
/// directory every acknowledged write is there, and every instance is either as its last acknowledged write left it
/// or as the write in flight at the kill would leave it — never a mix. Each seed kills at a different point.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Clients = 4;
    private const int IdsPerClient = 10;
    private const int Writes = 1000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Every_acknowledged_write_survives_kill_9_and_nothing_is_half_written(int seed)
    {
        if (SharedInputs.CctFixture(output) is null)
            return;
        using var folder = new TestFolder();
        var data = Path.Combine(folder.Path, "data");
        var killAfter = new Random(seed * 7919).Next(100, 900);
        output.WriteLine($"seed {seed}: kill after {killAfter} acknowledged writes of {Writes}");

        var first = new WsManServerProcess(["--data", data]);
        await first.InitializeAsync();
        CrashWorkload workload;
        Task running;
        try
        {
            first.Require(output).Should().BeTrue();
            workload = new CrashWorkload(first.Endpoint, $"s{seed}", Clients, IdsPerClient, Writes, killAfter, seed);
            running = workload.RunAsync();
            await Task.WhenAny(workload.KillPoint, running);
            workload.KillIssued();
        }
        finally
        {
            await first.DisposeAsync(); // Process.Kill: SIGKILL on Unix, while the clients are still writing.
        }

        await running;
        workload.Acknowledged.Should().BeGreaterThanOrEqualTo(killAfter, "the server was killed only after that many writes were acknowledged");
        workload.Unexpected.Should().BeEmpty(first.Output);
        output.WriteLine($"sent {workload.Sent}, acknowledged {workload.Acknowledged}, in flight at the kill: {workload.Instances.Count(i => i.InFlight is not null)}");

        var second = new WsManServerProcess(["--data", data]);
        await second.InitializeAsync();
        try
        {
            second.Require(output).Should().BeTrue();
            var problems = new List<string>();
            foreach (var tracked in workload.Instances)
            {
                var found = await ReadAsync(second.Endpoint, tracked.Id, problems);
                if (found is not null && tracked.Judge(found) is { } problem)
                    problems.Add(problem);
            }

            problems.Should().BeEmpty(second.Output);
            var host = await GetAsync(second.Endpoint, "host-1");
            host.Fault().Should().BeNull("the --mof instances are loaded again (once) at the restart");
            host.Instances().Should().ContainSingle().Which["CpuCount"].Should().Be("8");
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    private static async Task<InstanceState?> ReadAsync(Uri endpoint, string id, List<string> problems)
    {
        var envelope = await GetAsync(endpoint, id);
        if (envelope.Fault() is not null)
        {
            if (envelope.FaultSubcodeName() == "DestinationUnreachable")
                return InstanceState.Absent;
            problems.Add($"{id}: Get answered a fault: {envelope}");
            return null;
        }

        var instance = envelope.Instances().Single();
        var version = BaseInstanceVersion.Read(instance, out var problem);
        if (version is null)
        {
            problems.Add($"{id}: {problem}");
            return null;
        }

        return new InstanceState(version);
    }

    private static async Task<System.Xml.Linq.XElement> GetAsync(Uri endpoint, string id)
    {
        var reply = await RawWsMan.PostAsync(endpoint,
            RawWsMan.Envelope(endpoint, "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", "CCT_Base", [("InstanceID", id)]));
        if (reply.Status != HttpStatusCode.OK && reply.Status != HttpStatusCode.BadRequest && reply.Status != HttpStatusCode.InternalServerError)
            throw new InvalidOperationException($"Get {id} answered HTTP {(int)reply.Status}: {reply.Body}");
        return SoapXml.Parse(reply.Body);
    }
}
