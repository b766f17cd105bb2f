using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>MaxEnvelopeSize (spec digest §4.1) with the 20,000-character instance big-1.</summary>
public sealed class EnvelopeSizeTests(ServerFixture fixture, ITestOutputHelper output) : ServerTestBase(fixture, output)
{
    private static readonly string BaseUri = Soap.Uri("CCT_Base");

    [Fact]
    public async Task Get_of_a_big_instance_with_a_small_limit_is_EncodingLimit_MaxEnvelopeSize()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(Soap.Envelope(Soap.Get, BaseUri, selectors: Soap.Id("big-1"), maxEnvelopeSize: "8192"));
        reply.ShouldFaultWsMan("EncodingLimit", "MaxEnvelopeSize");
    }

    [Fact]
    public async Task Get_of_a_big_instance_fits_the_default_limit()
    {
        if (!Ready)
            return;
        var reply = await Client.OkAsync(Soap.Envelope(Soap.Get, BaseUri, selectors: Soap.Id("big-1"), maxEnvelopeSize: null));
        Prop(reply.Body!, "ElementName")!.Length.Should().Be(20_000);
    }

    [Fact]
    public async Task Limit_above_the_server_cap_is_cut_to_the_cap()
    {
        if (!Ready)
            return;
        // Every item fits the cap; the optimized batch must still stay under it however many items are asked for.
        var reply = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri,
            Soap.EnumerateBody("<wsman:OptimizeEnumeration/><wsman:MaxElements>100</wsman:MaxElements>"), maxEnvelopeSize: "99999999"));
        reply.Bytes.Length.Should().BeLessThanOrEqualTo(153600);
    }

    [Fact]
    public async Task Pull_returns_fewer_items_when_the_next_does_not_fit_and_keeps_the_context()
    {
        if (!Ready)
            return;
        var started = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, Soap.EnumerateBody()));
        var context = started.EnumerationContext!;
        var seen = new List<string>();
        var batches = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            var pulled = await Client.OkAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(context, 10), maxEnvelopeSize: "22000"));
            pulled.Bytes.Length.Should().BeLessThanOrEqualTo(22000);
            batches.Add(pulled.Items.Count);
            seen.AddRange(pulled.Items.Select(ItemId));
            if (pulled.EndOfSequence)
                break;
            context = pulled.EnumerationContext!;
        }

        batches.Should().HaveCountGreaterThan(1, "big-1 cannot share a 22000-octet envelope with all the others");
        seen.Should().BeEquivalentTo(["base-1", "big-1", "disk-1", "disk-2", "host-1", "host-2"]);
    }

    [Fact]
    public async Task Pull_of_an_item_that_never_fits_is_EncodingLimit_and_the_item_waits()
    {
        if (!Ready)
            return;
        var filter = $"<wsman:Filter Dialect=\"{Soap.Wql}\">SELECT * FROM CCT_Base WHERE InstanceID = 'big-1'</wsman:Filter>";
        var started = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, Soap.AllClasses, Soap.EnumerateBody(filter)));
        var context = started.EnumerationContext!;
        (await Client.PostAsync(Soap.Envelope(Soap.Pull, Soap.AllClasses, Soap.PullBody(context, 5), maxEnvelopeSize: "8192")))
            .ShouldFaultWsMan("EncodingLimit", "MaxEnvelopeSize");
        var retried = await Client.OkAsync(Soap.Envelope(Soap.Pull, Soap.AllClasses, Soap.PullBody(context, 5)));
        retried.Items.Select(ItemId).Should().Equal("big-1");
        retried.EndOfSequence.Should().BeTrue();
    }

    [Fact]
    public async Task Utf16_responses_are_measured_in_octets()
    {
        if (!Ready)
            return;
        var envelope = Soap.Envelope(Soap.Get, BaseUri, selectors: Soap.Id("big-1"), maxEnvelopeSize: "30000");
        var reply = await Client.PostBytesAsync([0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(envelope)], contentType: "application/soap+xml;charset=UTF-16");
        reply.ShouldFaultWsMan("EncodingLimit", "MaxEnvelopeSize");
    }

    [Fact]
    public async Task Full_batches_fit_the_limit_exactly_whatever_the_limit()
    {
        if (!Ready)
            return;
        var uri = Soap.Uri("CCT_Small");
        (string, string)[] many = [("__cimnamespace", "root/many")];
        for (var limit = 8192; limit < 8192 + 300; limit += 3)
        {
            var size = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var started = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, uri,
                Soap.EnumerateBody("<wsman:OptimizeEnumeration/><wsman:MaxElements>1000</wsman:MaxElements>"), many, maxEnvelopeSize: size));
            started.Bytes.Length.Should().BeLessThanOrEqualTo(limit);
            started.Items.Should().NotBeEmpty();
            var pulled = await Client.OkAsync(Soap.Envelope(Soap.Pull, uri, Soap.PullBody(started.EnumerationContext!, 1000), maxEnvelopeSize: size));
            pulled.Bytes.Length.Should().BeLessThanOrEqualTo(limit);
            pulled.Items.Should().NotBeEmpty();
            var ids = started.Items.Concat(pulled.Items).Select(i => Prop(i, "Id")!).ToList();
            if ((limit - 8192) % 30 == 0)
            {
                // Every tenth limit: read to the end; every instance arrives exactly once.
                var context = pulled.EnumerationContext!;
                while (true)
                {
                    var next = await Client.OkAsync(Soap.Envelope(Soap.Pull, uri, Soap.PullBody(context, 1000), maxEnvelopeSize: size));
                    next.Bytes.Length.Should().BeLessThanOrEqualTo(limit);
                    ids.AddRange(next.Items.Select(i => Prop(i, "Id")!));
                    if (next.EndOfSequence)
                        break;
                    context = next.EnumerationContext!;
                }

                ids.Should().OnlyHaveUniqueItems().And.HaveCount(ServerFixture.SmallCount);
                continue;
            }

            ids.Should().OnlyHaveUniqueItems();
            await Client.OkAsync(Soap.Envelope(Soap.Release, uri, Soap.ReleaseBody(pulled.EnumerationContext!)));
        }
    }
}
