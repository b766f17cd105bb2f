using System.Xml.Linq;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>Custom actions: static and instance CIM methods, their faults, and a class without a method provider.</summary>
public sealed class InvokeTests(ServerFixture fixture, ITestOutputHelper output) : ServerTestBase(fixture, output)
{
    private static readonly string HostUri = Soap.Uri("CCT_Host");

    private static string Input(string method, string content = "") => $"<p:{method}_INPUT xmlns:p=\"{HostUri}\">{content}</p:{method}_INPUT>";

    [Fact]
    public async Task Static_method_runs_on_the_class()
    {
        if (!Ready)
            return;
        var reply = await Client.OkAsync(Soap.Envelope(HostUri + "/Ping", HostUri, Input("Ping")));
        reply.Action.Should().Be(HostUri + "/PingResponse");
        reply.Body!.Name.Should().Be(XName.Get("Ping_OUTPUT", HostUri));
        Prop(reply.Body, "ReturnValue").Should().Be("42");
    }

    [Fact]
    public async Task Instance_method_with_nonzero_return_is_a_normal_response()
    {
        if (!Ready)
            return;
        var reply = await Client.OkAsync(Soap.Envelope(HostUri + "/RequestStateChange", HostUri,
            Input("RequestStateChange", "<p:RequestedState>3</p:RequestedState>"), Soap.Id("host-1")));
        reply.Body!.Name.Should().Be(XName.Get("RequestStateChange_OUTPUT", HostUri));
        Prop(reply.Body, "Note").Should().Be("host-1 asked for state 3");
        Prop(reply.Body, "ReturnValue").Should().Be("4096");
        reply.Body.Elements().Last().Name.LocalName.Should().Be("ReturnValue");
    }

    [Fact]
    public async Task Subclass_action_on_a_base_class_uri_is_ActionMismatch()
    {
        if (!Ready)
            return;
        var baseUri = Soap.Uri("CCT_Base");
        var reply = await Client.PostAsync(Soap.Envelope(HostUri + "/RequestStateChange", baseUri,
            Input("RequestStateChange", "<p:RequestedState>3</p:RequestedState>"), Soap.Id("host-1")));
        reply.ShouldFault(Soap.Wsa, "ActionNotSupported", "ActionMismatch");
    }

    [Fact]
    public async Task Instance_method_without_selectors_is_InsufficientSelectors()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(HostUri + "/RequestStateChange", HostUri, Input("RequestStateChange", "<p:RequestedState>3</p:RequestedState>"))))
            .ShouldFaultWsMan("InvalidSelectors", "InsufficientSelectors");
    }

    [Fact]
    public async Task Unknown_method_is_ActionNotSupported()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(HostUri + "/Explode", HostUri, Input("Explode"), Soap.Id("host-1")))).ShouldFault(Soap.Wsa, "ActionNotSupported");
    }

    [Fact]
    public async Task Action_of_another_class_is_ActionMismatch()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(Soap.Uri("CCT_Disk") + "/Ping", HostUri, Input("Ping"))))
            .ShouldFault(Soap.Wsa, "ActionNotSupported", "ActionMismatch");
    }

    [Fact]
    public async Task Unknown_parameter_is_InvalidParameter_InvalidName()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(HostUri + "/RequestStateChange", HostUri, Input("RequestStateChange", "<p:Speed>9</p:Speed>"), Soap.Id("host-1"))))
            .ShouldFaultWsMan("InvalidParameter", "InvalidName");
    }

    [Fact]
    public async Task Parameter_of_the_wrong_type_is_InvalidParameter_TypeMismatch()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(HostUri + "/RequestStateChange", HostUri, Input("RequestStateChange", "<p:RequestedState>off</p:RequestedState>"), Soap.Id("host-1"))))
            .ShouldFaultWsMan("InvalidParameter", "TypeMismatch");
    }

    [Fact]
    public async Task Method_without_a_provider_is_ActionNotSupported()
    {
        if (!Ready)
            return;
        (await Tight.PostAsync(Soap.Envelope(HostUri + "/Ping", HostUri, Input("Ping")))).ShouldFault(Soap.Wsa, "ActionNotSupported");
    }

    [Fact]
    public async Task Method_on_a_missing_instance_is_DestinationUnreachable()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(HostUri + "/RequestStateChange", HostUri, Input("RequestStateChange"), Soap.Id("host-9"))))
            .ShouldFault(Soap.Wsa, "DestinationUnreachable");
    }
}
