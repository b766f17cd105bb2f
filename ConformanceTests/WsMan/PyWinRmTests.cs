using System.Text.Json;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.WsMan;

/// <summary>
/// pywinrm (Debian python3-winrm, run by /usr/bin/python3) against <c>cimcloud serve</c> with cct.mof:
/// <c>winrm.protocol.Protocol(endpoint, transport='basic', ...)</c> + <c>Protocol.send_message</c>, with envelopes built
/// the way pywinrm builds its own (see clients/winrm_client.py).
/// </summary>
public sealed class PyWinRmTests(WsManServerProcess server, ITestOutputHelper output) : IClassFixture<WsManServerProcess>
{
    [Fact]
    public void Identify_answers_with_the_DMTF_protocol_version()
    {
        if (Run("identify") is not { } exchanges)
            return;

        var identify = exchanges.Should().ContainSingle().Subject.Envelope.Body().Element(SoapXml.Wsmid + "IdentifyResponse");
        identify.Should().NotBeNull();
        identify!.Element(SoapXml.Wsmid + "ProtocolVersion")!.Value.Should().Be("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd");
        identify.Element(SoapXml.Wsmid + "ProductVendor")!.Value.Should().Be("CimCloud");
    }

    [Fact]
    public void Get_of_host_1_returns_its_properties()
    {
        if (Run("get", "CCT_Host", "InstanceID=host-1") is not { } exchanges)
            return;

        var response = exchanges.Should().ContainSingle().Subject.Envelope;
        response.Action().Should().Be("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse");
        response.RelatesTo().Should().StartWith("uuid:", "pywinrm sends uuid: message IDs and the response relates to it");
        var host = response.Instances().Should().ContainSingle().Subject;
        host.ClassName.Should().Be("CCT_Host");
        host["CpuCount"].Should().Be("8");
        host.Values("Tags").Should().Equal("a", "b");
        host.IsNil("ElementName").Should().BeTrue();
    }

    [Fact]
    public void Get_of_big_1_returns_the_20000_character_ElementName_within_MaxEnvelopeSize_153600()
    {
        if (Run("get", "CCT_Base", "InstanceID=big-1") is not { } exchanges)
            return;

        var big = exchanges.Should().ContainSingle().Subject.Envelope.Instances().Should().ContainSingle().Subject;
        big.ClassName.Should().Be("CCT_Base");
        big["ElementName"].Should().MatchRegex("^x{20000}$");
    }

    [Fact]
    public void Get_of_the_two_key_CCT_Port()
    {
        if (Run("get", "CCT_Port", "SystemName=host-1", "PortNumber=22") is not { } exchanges)
            return;

        var port = exchanges.Should().ContainSingle().Subject.Envelope.Instances().Should().ContainSingle().Subject;
        port["Proto"].Should().Be("tcp");
    }

    [Fact]
    public void Enumerate_then_Pull_one_at_a_time_until_EndOfSequence_returns_both_disks()
    {
        if (Run("enumerate", "CCT_Disk", "1") is not { } exchanges)
            return;

        exchanges.Should().OnlyContain(e => e.Error == null);
        exchanges[0].Step.Should().Be("enumerate");
        exchanges[0].Envelope.Body().Element(SoapXml.Wsen + "EnumerateResponse")!.Element(SoapXml.Wsen + "EnumerationContext")!.Value
            .Should().NotBeNullOrWhiteSpace("an unoptimized Enumerate returns a context to Pull with");
        exchanges.Skip(1).Should().OnlyContain(e => e.Step == "pull");
        exchanges.Should().HaveCountGreaterThanOrEqualTo(3, "two disks, wsen:MaxElements 1 per Pull");
        exchanges[^1].Envelope.HasEndOfSequence().Should().BeTrue();
        exchanges.Take(exchanges.Count - 1).Should().OnlyContain(e => !e.Envelope.HasEndOfSequence());
        exchanges.Should().OnlyContain(e => e.Envelope.Instances().Count <= 1, "MaxElements 1");
        var disks = exchanges.SelectMany(e => e.Envelope.Instances()).ToList();
        disks.Select(d => $"{d.ClassName}/{d["InstanceID"]}/{d["Capacity"]}").Should().BeEquivalentTo(
            "CCT_Disk/disk-1/1073741824", "CCT_Disk/disk-2/2147483648");
    }

    [Fact]
    public void Create_Get_Delete_of_an_own_CCT_Port()
    {
        var system = "py-test-" + Guid.NewGuid().ToString("N")[..8];
        if (Run("create-get-delete", system, "8443", "udp") is not { } exchanges)
            return;

        exchanges.Select(e => e.Step).Should().Equal("create", "get", "delete", "get-after-delete");
        var created = exchanges[0].Envelope.Body().Element(SoapXml.Wxf + "ResourceCreated");
        created.Should().NotBeNull(exchanges[0].ToString());
        var selectors = created!.Descendants(SoapXml.Wsman + "Selector").ToDictionary(s => (string)s.Attribute("Name")!, s => s.Value);
        selectors.Should().Contain("SystemName", system).And.Contain("PortNumber", "8443");

        var port = exchanges[1].Envelope.Instances().Should().ContainSingle().Subject;
        port.ClassName.Should().Be("CCT_Port");
        port["SystemName"].Should().Be(system);
        port["PortNumber"].Should().Be("8443");
        port["Proto"].Should().Be("udp");

        exchanges[2].Error.Should().BeNull();
        exchanges[2].Envelope.Action().Should().Be("http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse");

        // send_message turns the HTTP 500 fault into WinRMError('<reason> (extended fault data: {...})').
        exchanges[3].ErrorType.Should().Be("WinRMError");
        exchanges[3].Error.Should().Contain("'http_status_code': 500").And.Contain("'fault_subcode': 'wsa:DestinationUnreachable'");
    }

    [Fact]
    public void An_unexpected_selector_raises_the_InvalidSelectors_fault()
    {
        if (Run("fault", "CCT_Host", "InstanceID=host-1", "NoSuchKey=1") is not { } exchanges)
            return;

        // Protocol.send_message: HTTP 500 with a SOAP fault becomes WinRMError carrying code, subcode and reason.
        var sent = exchanges[0];
        sent.ErrorType.Should().Be("WinRMError", sent.ToString());
        sent.Error.Should().Contain("'http_status_code': 500")
            .And.Contain("'fault_code': 's:Sender'")
            .And.Contain("'fault_subcode': 'wsman:InvalidSelectors'");

        // The transport underneath raises WinRMTransportError with the whole fault envelope.
        var raw = exchanges[1];
        raw.ErrorType.Should().Be("WinRMTransportError", raw.ToString());
        raw.HttpStatus.Should().Be(500);
        var fault = SoapXml.Parse(raw.Error!);
        fault.FaultSubcodeName().Should().Be("InvalidSelectors");
        fault.FaultDetail().Should().Be(SoapXml.FaultDetailPrefix + "UnexpectedSelectors");
    }

    [Fact]
    public void A_wrong_password_raises_InvalidCredentialsError()
    {
        if (RunAs("wrong-" + WsManServerProcess.Password, "get", "CCT_Host", "InstanceID=host-1") is not { } exchanges)
            return;

        // pywinrm maps HTTP 401 to InvalidCredentialsError before looking at any body.
        var get = exchanges.Should().ContainSingle().Subject;
        get.ErrorType.Should().Be("InvalidCredentialsError", get.ToString());
        get.Error.Should().Contain("credentials were rejected");
    }

    private List<PyExchange>? Run(params string[] scenario) => RunAs(WsManServerProcess.Password, scenario);

    private List<PyExchange>? RunAs(string password, params string[] scenario)
    {
        if (!server.Require(output) || !WsManClients.RequirePyWinRm(output))
            return null;
        var script = Path.Combine(WsManClients.Folder!, "winrm_client.py");
        var run = WsManClients.Run(output, "/usr/bin/python3", [script, server.Endpoint.ToString(), WsManServerProcess.User, password, .. scenario]);
        run.ExitCode.Should().Be(0, run.ToString());

        using var json = JsonDocument.Parse(run.Stdout);
        output.WriteLine($"  pywinrm {json.RootElement.GetProperty("pywinrm").GetString()}");
        var exchanges = json.RootElement.GetProperty("exchanges").EnumerateArray().Select(e => new PyExchange(
            e.GetProperty("step").GetString()!,
            e.TryGetProperty("response", out var r) ? r.GetString() : null,
            e.TryGetProperty("error_type", out var t) ? t.GetString() : null,
            e.TryGetProperty("error", out var m) ? m.GetString() : null,
            e.TryGetProperty("http_status", out var h) ? h.GetInt32() : null)).ToList();
        foreach (var e in exchanges)
            output.WriteLine($"  {e.Step}: {(e.Response is null ? $"{e.ErrorType}: {WsManClients.Clip(e.Error ?? "")}" : WsManClients.Clip(e.Response))}");
        return exchanges;
    }

    private sealed record PyExchange(string Step, string? Response, string? ErrorType, string? Error, int? HttpStatus)
    {
        public XElement Envelope => SoapXml.Parse(Response ?? throw new InvalidOperationException($"{Step} raised {ErrorType}: {Error}"));

        public override string ToString() => $"{Step}: {(Response is null ? $"{ErrorType} (HTTP {HttpStatus}): {Error}" : Response)}";
    }
}
