using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>Every wsman:InvalidSelectors detail (spec digest §8.3) and the namespace selector.</summary>
public sealed class SelectorFaultTests(ServerFixture fixture, ITestOutputHelper output) : ServerTestBase(fixture, output)
{
    private static string PortGet(params (string, string)[] selectors) => Soap.Envelope(Soap.Get, Soap.Uri("CCT_Port"), selectors: selectors);

    [Fact]
    public async Task No_selectors_on_a_keyed_class_is_InsufficientSelectors()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host")))).ShouldFaultWsMan("InvalidSelectors", "InsufficientSelectors");
    }

    [Fact]
    public async Task A_missing_key_is_InsufficientSelectors()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(PortGet(("SystemName", "host-1")))).ShouldFaultWsMan("InvalidSelectors", "InsufficientSelectors");
    }

    [Fact]
    public async Task A_non_key_selector_is_UnexpectedSelectors()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(PortGet(("SystemName", "host-1"), ("PortNumber", "22"), ("Proto", "tcp")))).ShouldFaultWsMan("InvalidSelectors", "UnexpectedSelectors");
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_is_TypeMismatch()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(PortGet(("SystemName", "host-1"), ("PortNumber", "ssh")))).ShouldFaultWsMan("InvalidSelectors", "TypeMismatch");
    }

    [Fact]
    public async Task An_out_of_range_value_is_InvalidValue()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(PortGet(("SystemName", "host-1"), ("PortNumber", "70000")))).ShouldFaultWsMan("InvalidSelectors", "InvalidValue");
    }

    [Fact]
    public async Task The_same_selector_twice_is_DuplicateSelectors()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(PortGet(("SystemName", "host-1"), ("PortNumber", "22"), ("PortNumber", "22")))).ShouldFaultWsMan("InvalidSelectors", "DuplicateSelectors");
    }

    [Fact]
    public async Task Well_formed_keys_of_no_instance_are_DestinationUnreachable()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(PortGet(("SystemName", "host-1"), ("PortNumber", "23")))).ShouldFault(Soap.Wsa, "DestinationUnreachable");
    }

    [Fact]
    public async Task Two_keys_with_whitespace_find_the_instance()
    {
        if (!Ready)
            return;
        var reply = await Client.OkAsync(PortGet(("SystemName", " host-1 "), ("PortNumber", " 22 ")));
        Prop(reply.Body!, "Proto").Should().Be("tcp");
    }

    [Fact]
    public async Task Unknown_namespace_is_DestinationUnreachable_InvalidResourceURI()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(PortGet(("SystemName", "host-1"), ("PortNumber", "22"), ("__cimnamespace", "root/nowhere"))))
            .ShouldFault(Soap.Wsa, "DestinationUnreachable", "InvalidResourceURI");
    }
}
