using System.Xml.Linq;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>Enumerate, Pull and Release: modes, optimization, batches, polymorphism, contexts (expiry, quota, owner).</summary>
public sealed class EnumerationTests(ServerFixture fixture, ITestOutputHelper output) : ServerTestBase(fixture, output)
{
    private static readonly string[] AllBase = ["base-1", "big-1", "disk-1", "disk-2", "host-1", "host-2"];
    private static readonly string BaseUri = Soap.Uri("CCT_Base");

    [Fact]
    public async Task Enumerate_then_pull_returns_every_instance_of_the_class_and_its_subclasses()
    {
        if (!Ready)
            return;
        var items = await Client.EnumerateAllAsync(BaseUri);
        items.Select(ItemId).Should().BeEquivalentTo(AllBase);
        items.Single(i => ItemId(i) == "host-1").Name.Should().Be(ClassNs("CCT_Host") + "CCT_Host");
        items.Single(i => ItemId(i) == "disk-1").Name.Should().Be(ClassNs("CCT_Disk") + "CCT_Disk");
    }

    [Fact]
    public async Task Plain_enumerate_returns_only_a_context()
    {
        if (!Ready)
            return;
        var reply = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, Soap.EnumerateBody()));
        reply.Action.Should().Be("http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse");
        reply.EnumerationContext.Should().NotBeNullOrEmpty();
        reply.Body!.Element(WsMan + "Items").Should().BeNull();
        await Client.OkAsync(Soap.Envelope(Soap.Release, BaseUri, Soap.ReleaseBody(reply.EnumerationContext!)));
    }

    [Fact]
    public async Task EnumerateEPR_gives_references_of_the_actual_classes()
    {
        if (!Ready)
            return;
        var items = await Client.EnumerateAllAsync(BaseUri, "<wsman:EnumerationMode>EnumerateEPR</wsman:EnumerationMode>");
        items.Should().OnlyContain(i => i.Name == Wsa + "EndpointReference");
        items.Select(ItemId).Should().BeEquivalentTo(AllBase);
        var host = items.Single(i => ItemId(i) == "host-1");
        host.Descendants(WsMan + "ResourceURI").Single().Value.Should().Be(Soap.Uri("CCT_Host"));
    }

    [Fact]
    public async Task EnumerateObjectAndEPR_wraps_both_in_wsman_Item()
    {
        if (!Ready)
            return;
        var items = await Client.EnumerateAllAsync(BaseUri, "<wsman:EnumerationMode>EnumerateObjectAndEPR</wsman:EnumerationMode>");
        items.Should().HaveCount(6).And.OnlyContain(i => i.Name == WsMan + "Item");
        foreach (var item in items)
        {
            var children = item.Elements().ToList();
            children.Should().HaveCount(2);
            children[1].Name.Should().Be(Wsa + "EndpointReference");
            ItemId(children[0]).Should().Be(ItemId(children[1]));
        }
    }

    [Fact]
    public async Task Optimized_enumerate_returns_the_first_items_then_pull_the_rest()
    {
        if (!Ready)
            return;
        var first = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri,
            Soap.EnumerateBody("<wsman:OptimizeEnumeration/><wsman:MaxElements>2</wsman:MaxElements>")));
        first.Body!.Element(WsMan + "Items")!.Elements().Should().HaveCount(2);
        first.EndOfSequence.Should().BeFalse();
        var context = first.EnumerationContext!;
        context.Should().NotBeEmpty();

        var second = await Client.OkAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(context, 3)));
        second.Action.Should().Be("http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse");
        second.Body!.Element(Wsen + "Items")!.Elements().Should().HaveCount(3);
        second.EndOfSequence.Should().BeFalse();

        var third = await Client.OkAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(second.EnumerationContext!, 3)));
        third.Items.Should().HaveCount(1);
        third.Body!.Element(Wsen + "EndOfSequence").Should().NotBeNull();
        third.EnumerationContext.Should().BeNull();

        first.Items.Concat(second.Items).Concat(third.Items).Select(ItemId).Should().BeEquivalentTo(AllBase);
        (await Client.PostAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(context, 3)))).ShouldFault(Soap.Wsen, "InvalidEnumerationContext");
    }

    [Fact]
    public async Task Optimized_enumerate_that_fits_ends_at_once_with_an_empty_context()
    {
        if (!Ready)
            return;
        var reply = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri,
            Soap.EnumerateBody("<wsman:OptimizeEnumeration/><wsman:MaxElements>100</wsman:MaxElements>")));
        reply.Items.Select(ItemId).Should().BeEquivalentTo(AllBase);
        reply.Body!.Element(WsMan + "EndOfSequence").Should().NotBeNull();
        reply.EnumerationContext.Should().BeEmpty();
    }

    [Fact]
    public async Task Pull_batches_end_exactly_on_the_last_item()
    {
        if (!Ready)
            return;
        var started = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, Soap.EnumerateBody()));
        var a = await Client.OkAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(started.EnumerationContext!, 3)));
        a.Items.Should().HaveCount(3);
        a.EndOfSequence.Should().BeFalse();
        var b = await Client.OkAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(a.EnumerationContext!, 3)));
        b.Items.Should().HaveCount(3);
        b.EndOfSequence.Should().BeTrue();
    }

    [Fact]
    public async Task Pull_defaults_to_one_item()
    {
        if (!Ready)
            return;
        var started = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, Soap.EnumerateBody()));
        var pulled = await Client.OkAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(started.EnumerationContext!)));
        pulled.Items.Should().HaveCount(1);
        await Client.OkAsync(Soap.Envelope(Soap.Release, BaseUri, Soap.ReleaseBody(pulled.EnumerationContext!)));
    }

    [Fact]
    public async Task Released_context_is_invalid()
    {
        if (!Ready)
            return;
        var started = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, Soap.EnumerateBody()));
        var released = await Client.OkAsync(Soap.Envelope(Soap.Release, BaseUri, Soap.ReleaseBody(started.EnumerationContext!)));
        released.Action.Should().Be("http://schemas.xmlsoap.org/ws/2004/09/enumeration/ReleaseResponse");
        released.Body.Should().BeNull();
        (await Client.PostAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(started.EnumerationContext!))))
            .ShouldFault(Soap.Wsen, "InvalidEnumerationContext").FaultCode.Should().Be("s:Receiver");
        (await Client.PostAsync(Soap.Envelope(Soap.Release, BaseUri, Soap.ReleaseBody(started.EnumerationContext!))))
            .ShouldFault(Soap.Wsen, "InvalidEnumerationContext");
    }

    [Fact]
    public async Task Another_user_cannot_pull_the_context()
    {
        if (!Ready)
            return;
        var started = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, Soap.EnumerateBody()));
        var context = started.EnumerationContext!;
        (await Client.PostAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(context)), ServerFixture.OtherUser, ServerFixture.OtherPassword))
            .ShouldFault(Soap.Wsen, "InvalidEnumerationContext");
        (await Client.OkAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(context)))).Items.Should().HaveCount(1);
        await Client.OkAsync(Soap.Envelope(Soap.Release, BaseUri, Soap.ReleaseBody(context)));
    }

    [Fact]
    public async Task Unknown_context_is_InvalidEnumerationContext()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(Soap.NewId())))).ShouldFault(Soap.Wsen, "InvalidEnumerationContext");
    }

    [Fact]
    public async Task Idle_context_expires()
    {
        if (!Ready)
            return;
        var started = await Tight.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, Soap.EnumerateBody()));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        (await Tight.PostAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(started.EnumerationContext!)))).ShouldFault(Soap.Wsen, "InvalidEnumerationContext");
    }

    [Fact]
    public async Task Expires_sets_the_idle_expiry()
    {
        if (!Ready)
            return;
        var started = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, Soap.EnumerateBody("<wsen:Expires>PT1S</wsen:Expires>")));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        (await Client.PostAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(started.EnumerationContext!)))).ShouldFault(Soap.Wsen, "InvalidEnumerationContext");
    }

    [Fact]
    public async Task Expires_as_future_dateTime_is_accepted()
    {
        if (!Ready)
            return;
        var at = DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var started = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, Soap.EnumerateBody($"<wsen:Expires>{at}</wsen:Expires>")));
        await Client.OkAsync(Soap.Envelope(Soap.Release, BaseUri, Soap.ReleaseBody(started.EnumerationContext!)));
    }

    [Theory]
    [InlineData("PT0S", "InvalidExpirationTime")]
    [InlineData("-PT5S", "InvalidExpirationTime")]
    [InlineData("2001-01-01T00:00:00Z", "InvalidExpirationTime")]
    [InlineData("next tuesday", "UnsupportedExpirationType")]
    public async Task Bad_Expires_is_refused(string expires, string subcode)
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, BaseUri, Soap.EnumerateBody($"<wsen:Expires>{expires}</wsen:Expires>"))))
            .ShouldFault(Soap.Wsen, subcode);
    }

    [Fact]
    public async Task Quota_of_contexts_per_user()
    {
        if (!Ready)
            return;
        // Expires overrides the tight server's 1 s idle expiry, so a slow machine cannot free a slot mid-test.
        var longLived = Soap.EnumerateBody("<wsen:Expires>PT60S</wsen:Expires>");
        var contexts = new List<string>();
        try
        {
            for (var i = 0; i < 3; i++)
                contexts.Add((await Tight.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, longLived), ServerFixture.OtherUser, ServerFixture.OtherPassword)).EnumerationContext!);
            (await Tight.PostAsync(Soap.Envelope(Soap.Enumerate, BaseUri, longLived), ServerFixture.OtherUser, ServerFixture.OtherPassword))
                .ShouldFaultWsMan("QuotaLimit");
            await Tight.OkAsync(Soap.Envelope(Soap.Release, BaseUri, Soap.ReleaseBody(contexts[0])), ServerFixture.OtherUser, ServerFixture.OtherPassword);
            contexts.RemoveAt(0);
            contexts.Add((await Tight.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, longLived), ServerFixture.OtherUser, ServerFixture.OtherPassword)).EnumerationContext!);
        }
        finally
        {
            foreach (var context in contexts)
                await Tight.PostAsync(Soap.Envelope(Soap.Release, BaseUri, Soap.ReleaseBody(context)), ServerFixture.OtherUser, ServerFixture.OtherPassword);
        }
    }

    [Fact]
    public async Task EndTo_is_UnsupportedFeature_AddressingMode()
    {
        if (!Ready)
            return;
        var body = Soap.EnumerateBody($"<wsen:EndTo><wsa:Address>{Soap.Anonymous}</wsa:Address></wsen:EndTo>");
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, BaseUri, body))).ShouldFaultWsMan("UnsupportedFeature", "AddressingMode");
    }

    [Fact]
    public async Task Unknown_EnumerationMode_is_UnsupportedFeature()
    {
        if (!Ready)
            return;
        var body = Soap.EnumerateBody("<wsman:EnumerationMode>EnumerateEverything</wsman:EnumerationMode>");
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, BaseUri, body))).ShouldFaultWsMan("UnsupportedFeature", "EnumerationMode");
    }

    [Fact]
    public async Task Enumerate_without_body_is_SchemaValidationError()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, BaseUri))).ShouldFaultWsMan("SchemaValidationError");
    }

    [Fact]
    public async Task Polymorphism_None_returns_only_the_class_itself()
    {
        if (!Ready)
            return;
        var items = await Client.EnumerateAllAsync(BaseUri, "<wsmb:PolymorphismMode>None</wsmb:PolymorphismMode>");
        items.Select(ItemId).Should().BeEquivalentTo("base-1", "big-1");
    }

    [Fact]
    public async Task Polymorphism_as_a_header_works_too()
    {
        if (!Ready)
            return;
        var items = await Client.EnumerateAllAsync(BaseUri, headers: "<wsmb:PolymorphismMode>None</wsmb:PolymorphismMode>");
        items.Select(ItemId).Should().BeEquivalentTo("base-1", "big-1");
    }

    [Fact]
    public async Task ExcludeSubClassProperties_renders_everything_as_the_base_class()
    {
        if (!Ready)
            return;
        var items = await Client.EnumerateAllAsync(BaseUri, "<wsmb:PolymorphismMode>ExcludeSubClassProperties</wsmb:PolymorphismMode>");
        items.Should().HaveCount(6).And.OnlyContain(i => i.Name == ClassNs("CCT_Base") + "CCT_Base");
        items.Single(i => ItemId(i) == "host-1").Element(ClassNs("CCT_Base") + "CpuCount").Should().BeNull();
        Prop(items.Single(i => ItemId(i) == "host-1"), "EnabledState").Should().Be("2");
    }

    [Fact]
    public async Task IncludeSubClassProperties_is_the_default_and_explicit()
    {
        if (!Ready)
            return;
        var items = await Client.EnumerateAllAsync(BaseUri, "<wsmb:PolymorphismMode>IncludeSubClassProperties</wsmb:PolymorphismMode>");
        Prop(items.Single(i => ItemId(i) == "host-1"), "CpuCount").Should().Be("8");
    }

    [Fact]
    public async Task Unknown_polymorphism_mode_is_PolymorphismModeNotSupported()
    {
        if (!Ready)
            return;
        var body = Soap.EnumerateBody("<wsmb:PolymorphismMode>Sometimes</wsmb:PolymorphismMode>");
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, BaseUri, body))).ShouldFault(Soap.Wsmb, "PolymorphismModeNotSupported");
    }

    [Fact]
    public async Task RequestTotalItemsCountEstimate_adds_the_count_header()
    {
        if (!Ready)
            return;
        var reply = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, Soap.EnumerateBody(), headers: "<wsman:RequestTotalItemsCountEstimate/>"));
        reply.Header.Element(WsMan + "TotalItemsCountEstimate")!.Value.Should().Be("6");
        var pulled = await Client.OkAsync(Soap.Envelope(Soap.Pull, BaseUri, Soap.PullBody(reply.EnumerationContext!, 2), headers: "<wsman:RequestTotalItemsCountEstimate/>"));
        pulled.Header.Element(WsMan + "TotalItemsCountEstimate")!.Value.Should().Be("6");
        await Client.OkAsync(Soap.Envelope(Soap.Release, BaseUri, Soap.ReleaseBody(pulled.EnumerationContext!)));
    }

    [Fact]
    public async Task All_classes_uri_without_filter_is_FilteringRequired()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, Soap.AllClasses, Soap.EnumerateBody()))).ShouldFaultWsMan("UnsupportedFeature", "FilteringRequired");
    }

    [Fact]
    public async Task Pull_without_ResourceURI_still_works()
    {
        if (!Ready)
            return;
        var started = await Client.OkAsync(Soap.Envelope(Soap.Enumerate, BaseUri, Soap.EnumerateBody()));
        var pulled = await Client.OkAsync(Soap.Envelope(Soap.Pull, null, Soap.PullBody(started.EnumerationContext!, 10)));
        pulled.Items.Should().HaveCount(6);
        pulled.EndOfSequence.Should().BeTrue();
    }
}
