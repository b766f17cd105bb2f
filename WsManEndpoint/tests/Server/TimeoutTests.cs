using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>OperationTimeout and MaxTime against a slow provider: wsman:TimedOut, never a hang, contexts survive.</summary>
public sealed class TimeoutTests(ServerFixture fixture, ITestOutputHelper output) : ServerTestBase(fixture, output)
{
    private static readonly string SlowUri = Soap.Uri("CCT_Slow");
    private static readonly (string, string) SlowNamespace = ("__cimnamespace", "root/slow");

    [Fact]
    public async Task Get_past_its_OperationTimeout_is_TimedOut()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(Soap.Envelope(Soap.Get, SlowUri, selectors: [("Id", "slow-1"), SlowNamespace], operationTimeout: "PT0.3S"));
        reply.ShouldFaultWsMan("TimedOut");
        reply.FaultCode.Should().Be("s:Receiver");
    }

    [Fact]
    public async Task Get_within_its_OperationTimeout_succeeds()
    {
        if (!Ready)
            return;
        var reply = await Client.OkAsync(Soap.Envelope(Soap.Get, SlowUri, selectors: [("Id", "slow-1"), SlowNamespace], operationTimeout: "PT30S"));
        Prop(reply.Body!, "Id").Should().Be("slow-1");
    }

    [Fact]
    public async Task Pull_with_nothing_ready_within_MaxTime_is_TimedOut_and_the_context_stays()
    {
        if (!Ready)
            return;
        var started = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, SlowUri, Soap.EnumerateBody(), [SlowNamespace]));
        var context = started.EnumerationContext!;
        var early = await Client.PostAsync(Soap.Envelope(Soap.Pull, SlowUri, Soap.PullBody(context, 1, "<wsen:MaxTime>PT0.2S</wsen:MaxTime>")));
        early.ShouldFaultWsMan("TimedOut");
        var items = new List<string>();
        for (var i = 0; i < 10 && items.Count < 2; i++)
        {
            var pulled = await Client.OkAsync(Soap.Envelope(Soap.Pull, SlowUri, Soap.PullBody(context, 5, "<wsen:MaxTime>PT20S</wsen:MaxTime>")));
            items.AddRange(pulled.Items.Select(e => Prop(e, "Id")!));
            if (pulled.EndOfSequence)
                break;
            context = pulled.EnumerationContext!;
        }

        items.Should().Equal("slow-1", "slow-2");
    }

    [Fact]
    public async Task Optimized_enumerate_with_nothing_ready_returns_no_items_and_a_context()
    {
        // 1 s leaves the handler 100 ms between its batch wait and the deadline (0.5 s left 50 ms, too little on a
        // loaded machine); the first item still takes 1.5 s, so nothing is ready either way.
        if (!Ready)
            return;
        var started = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, SlowUri,
            Soap.EnumerateBody("<wsman:OptimizeEnumeration/><wsman:MaxElements>5</wsman:MaxElements>"), [SlowNamespace], operationTimeout: "PT1S"));
        started.Items.Should().BeEmpty();
        started.EndOfSequence.Should().BeFalse();
        await Client.OkAsync(Soap.Envelope(Soap.Release, SlowUri, Soap.ReleaseBody(started.EnumerationContext!)));
    }
}
