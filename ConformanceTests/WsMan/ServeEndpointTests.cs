using System.Net;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.WsMan;

/// <summary>
/// The HTTP face of <c>cimcloud serve</c> as configured from its command line (<c>--user test:secret</c>), checked with
/// hand-written envelopes; the envelope-level behaviour is covered by WsManEndpoint's own server tests.
/// </summary>
public sealed class ServeEndpointTests(WsManServerProcess server, ITestOutputHelper output) : IClassFixture<WsManServerProcess>
{
    private const string Identify = """
        <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd">
          <s:Header/>
          <s:Body><wsmid:Identify/></s:Body>
        </s:Envelope>
        """;

    [Fact]
    public async Task Without_credentials_the_endpoint_answers_401_with_a_Basic_challenge()
    {
        if (!server.Require(output))
            return;

        var get = RawWsMan.Envelope(server.Endpoint, "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", "CCT_Host", [("InstanceID", "host-1")]);
        var reply = await RawWsMan.PostAsync(server.Endpoint, get, authenticate: false);

        reply.Status.Should().Be(HttpStatusCode.Unauthorized, reply.Body);
        reply.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().Contain(s => s.Equals("Basic", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_user_given_with_user_is_accepted()
    {
        if (!server.Require(output))
            return;

        var get = RawWsMan.Envelope(server.Endpoint, "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", "CCT_Host", [("InstanceID", "host-2")]);
        var reply = await RawWsMan.PostAsync(server.Endpoint, get);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Body);
        SoapXml.Parse(reply.Body).Instances().Should().ContainSingle().Which["ElementName"].Should().Be("two");
    }

    [Fact]
    public async Task Unauthenticated_Identify_works_without_credentials()
    {
        if (!server.Require(output))
            return;

        var reply = await RawWsMan.PostAsync(server.Endpoint, Identify, authenticate: false,
            headers: new Dictionary<string, string> { ["WSMANIDENTIFY"] = "unauthenticated" });

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Body);
        var identify = SoapXml.Parse(reply.Body).Body().Element(SoapXml.Wsmid + "IdentifyResponse");
        identify.Should().NotBeNull(reply.Body);
        identify!.Element(SoapXml.Wsmid + "ProductVendor")!.Value.Should().Be("CimCloud");
        identify.Element(SoapXml.Wsmid + "SecurityProfiles").Should().BeNull("unauthenticated Identify omits the security profiles");
    }
}
