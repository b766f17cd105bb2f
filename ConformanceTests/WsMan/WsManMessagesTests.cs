using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.WsMan;

/// <summary>
/// Intel/DMT <c>@device-management-toolkit/wsman-messages</c> (the envelope builder of Intel's AMT management tools)
/// against <c>cimcloud serve</c> with cct.mof: its generic <c>WSManMessageCreator</c>/<c>Base</c> layer with the DMTF
/// resource-URI base and CCT_ classes, POSTed by node with Basic auth (see clients/wsman_messages_client.js).
/// Its envelopes differ from the other clients': default-namespace SOAP elements, <c>a:To</c> = <c>/wsman</c>, integer
/// message IDs, no MaxEnvelopeSize, Pull with MaxCharacters.
/// </summary>
public sealed class WsManMessagesTests(WsManServerProcess server, ITestOutputHelper output) : IClassFixture<WsManServerProcess>
{
    [Fact]
    public void Get_of_host_2_returns_its_ElementName()
    {
        if (Run("get", "CCT_Host", "InstanceID=host-2") is not { } exchanges)
            return;

        var get = exchanges.Should().ContainSingle().Subject;
        get.Request.Should().Contain("<a:To>/wsman</a:To>").And.MatchRegex("<a:MessageID>[0-9]+</a:MessageID>");
        get.Status.Should().Be(200, get.Body);
        var host = get.Envelope.Instances().Should().ContainSingle().Subject;
        host.ClassName.Should().Be("CCT_Host");
        host["ElementName"].Should().Be("two");
        host["CpuCount"].Should().Be("4");
        host.Values("Tags").Should().BeEmpty("Tags = {} in cct.mof");
    }

    [Fact]
    public void Enumerate_and_Pull_of_CCT_Base_return_every_subclass_instance_including_the_20000_character_one()
    {
        if (Run("enumerate", "CCT_Base") is not { } exchanges)
            return;

        exchanges.Should().OnlyContain(e => e.Status == 200);
        exchanges[0].Step.Should().Be("enumerate");
        exchanges.Should().HaveCountGreaterThanOrEqualTo(2, "the package enumerates unoptimized, then Pulls");
        exchanges[^1].Envelope.HasEndOfSequence().Should().BeTrue();
        var instances = exchanges.SelectMany(e => e.Envelope.Instances()).Where(i => !(i["InstanceID"] ?? "").StartsWith("node-test-", StringComparison.Ordinal)).ToList();
        instances.Select(i => $"{i.ClassName}/{i["InstanceID"]}").Should().BeEquivalentTo(
            "CCT_Host/host-1", "CCT_Host/host-2", "CCT_Disk/disk-1", "CCT_Disk/disk-2", "CCT_Base/base-1", "CCT_Base/big-1");
        instances.Single(i => i["InstanceID"] == "big-1")["ElementName"].Should().MatchRegex("^x{20000}$");
        instances.Single(i => i["InstanceID"] == "base-1")["ElementName"].Should().Be("plain");
        instances.Single(i => i["InstanceID"] == "host-1")["CpuCount"].Should().Be("8");
    }

    [Fact]
    public void Create_Put_Get_Delete_of_an_own_CCT_Base_instance()
    {
        var id = "node-test-" + Guid.NewGuid().ToString("N")[..8];
        if (Run("put", "CCT_Base", id, "before", "after") is not { } exchanges)
            return;

        exchanges.Select(e => e.Step).Should().Equal("create", "put", "get", "delete");
        exchanges.Should().OnlyContain(e => e.Status == 200);
        exchanges[0].Envelope.Body().Element(SoapXml.Wxf + "ResourceCreated")!.Descendants(SoapXml.Wsman + "Selector")
            .Single(s => (string?)s.Attribute("Name") == "InstanceID").Value.Should().Be(id);
        exchanges[1].Envelope.Action().Should().Be("http://schemas.xmlsoap.org/ws/2004/09/transfer/PutResponse");
        var got = exchanges[2].Envelope.Instances().Should().ContainSingle().Subject;
        got.ClassName.Should().Be("CCT_Base");
        got["InstanceID"].Should().Be(id);
        got["ElementName"].Should().Be("after");
        exchanges[3].Envelope.Action().Should().Be("http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse");
    }

    [Fact]
    public void Invoke_of_the_static_Ping_without_a_provider_faults_with_ActionNotSupported()
    {
        if (Run("invoke-static", "CCT_Host", "Ping") is not { } exchanges)
            return;

        var invoke = exchanges.Should().ContainSingle().Subject;
        invoke.Request.Should().Contain("<a:Action>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CCT_Host/Ping</a:Action>")
            .And.NotContain("SelectorSet");
        invoke.Status.Should().Be(500, invoke.Body);
        invoke.Envelope.FaultSubcodeName().Should().Be("ActionNotSupported");
        invoke.Envelope.FaultReason().Should().Contain("Ping");
    }

    [Fact]
    public void Invoke_of_RequestStateChange_on_host_1_without_a_provider_faults_with_ActionNotSupported()
    {
        if (Run("invoke", "CCT_Host", "InstanceID=host-1", "RequestStateChange", "RequestedState=3") is not { } exchanges)
            return;

        var invoke = exchanges.Should().ContainSingle().Subject;
        invoke.Request.Should().Contain("<h:RequestStateChange_INPUT xmlns:h=\"http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CCT_Host\"><h:RequestedState>3</h:RequestedState>");
        invoke.Status.Should().Be(500, invoke.Body);
        invoke.Envelope.FaultSubcodeName().Should().Be("ActionNotSupported");
        invoke.Envelope.FaultReason().Should().Contain("RequestStateChange");
    }

    [Fact]
    public void A_new_client_session_whose_message_ids_start_again_at_0_is_served()
    {
        if (Run(messageIdStart: null, "fresh-sessions", "CCT_Host", "InstanceID=host-1") is not { } exchanges)
            return;

        exchanges.Should().HaveCount(2);
        exchanges.Should().OnlyContain(e => e.Request.Contains("<a:MessageID>0</a:MessageID>", StringComparison.Ordinal));
        exchanges.Should().OnlyContain(e => e.Status == 200, string.Join("\n", exchanges.Select(e => e.Body)));
        exchanges.Should().OnlyContain(e => e.Envelope.Instances().Single()["InstanceID"] == "host-1");
    }

    private List<NodeExchange>? Run(params string[] scenario) =>
        Run(RandomNumberGenerator.GetInt32(1_000_000, int.MaxValue), scenario);

    /// <param name="messageIdStart">
    /// Where the package's message counter starts (it counts from 0 per WSManMessageCreator). Each run gets a random start,
    /// so that one run's IDs do not repeat another's (the server no longer tracks non-UUID message IDs, so this is belt and braces).
    /// </param>
    private List<NodeExchange>? Run(int? messageIdStart, params string[] scenario)
    {
        if (!server.Require(output) || !WsManClients.RequireWsManMessages(output))
            return null;
        var script = Path.Combine(WsManClients.Folder!, "wsman_messages_client.js");
        List<string> args = [script, server.Endpoint.ToString(), WsManServerProcess.User, WsManServerProcess.Password];
        if (messageIdStart is { } start)
            args.AddRange(["--message-id-start", start.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        args.AddRange(scenario);
        var run = WsManClients.Run(output, "node", args, WsManClients.Folder);
        run.ExitCode.Should().Be(0, run.ToString());

        using var json = JsonDocument.Parse(run.Stdout);
        output.WriteLine($"  @device-management-toolkit/wsman-messages {json.RootElement.GetProperty("package").GetString()}");
        var exchanges = json.RootElement.GetProperty("exchanges").EnumerateArray().Select(e => new NodeExchange(
            e.GetProperty("step").GetString()!,
            e.GetProperty("request").GetString()!,
            e.GetProperty("status").GetInt32(),
            e.GetProperty("body").GetString()!)).ToList();
        foreach (var e in exchanges)
            output.WriteLine($"  {e.Step}: HTTP {e.Status}\n    > {WsManClients.Clip(e.Request)}\n    < {WsManClients.Clip(e.Body)}");
        return exchanges;
    }

    private sealed record NodeExchange(string Step, string Request, int Status, string Body)
    {
        public XElement Envelope => SoapXml.Parse(Body);

        public override string ToString() => $"{Step}: HTTP {Status}\n> {Request}\n< {Body}";
    }
}
