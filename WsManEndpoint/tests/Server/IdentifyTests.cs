using System.Net;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>Identify, authenticated and with <c>WSMANIDENTIFY: unauthenticated</c>.</summary>
public sealed class IdentifyTests(ServerFixture fixture, ITestOutputHelper output) : ServerTestBase(fixture, output)
{
    private static readonly XNamespace Wsmid = Soap.Wsmid;
    private static readonly Dictionary<string, string> Unauthenticated = new() { ["WSMANIDENTIFY"] = "unauthenticated" };

    [Fact]
    public async Task Authenticated_identify_lists_vendor_version_and_profiles()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(Soap.IdentifyEnvelope);
        reply.ShouldSucceed();
        var body = reply.Body!;
        body.Name.Should().Be(Wsmid + "IdentifyResponse");
        body.Elements().Select(e => e.Name.LocalName).Should().StartWith(["ProtocolVersion", "ProductVendor", "ProductVersion"]);
        body.Element(Wsmid + "ProtocolVersion")!.Value.Should().Be("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd");
        body.Element(Wsmid + "ProductVendor")!.Value.Should().Be("CimCloud");
        body.Element(Wsmid + "ProductVersion")!.Value.Should().Contain("Stack");
        body.Element(Wsmid + "SecurityProfiles")!.Elements(Wsmid + "SecurityProfileName").Select(e => e.Value)
            .Should().Contain("http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic");
        reply.Header.Elements().Should().BeEmpty("Identify responses carry no addressing headers");
    }

    [Fact]
    public async Task Unauthenticated_identify_answers_without_credentials_and_trims()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(Soap.IdentifyEnvelope, user: null, headers: Unauthenticated);
        reply.ShouldSucceed();
        var body = reply.Body!;
        body.Element(Wsmid + "ProductVendor")!.Value.Should().Be("CimCloud");
        body.Element(Wsmid + "ProductVersion")!.Value.Should().NotContain("OS:");
        body.Element(Wsmid + "SecurityProfiles").Should().BeNull();
    }

    [Fact]
    public async Task Identify_with_an_action_header_still_works()
    {
        if (!Ready)
            return;
        var envelope = Soap.Envelope("http://example.org/whatever", null, "<wsmid:Identify xmlns:wsmid=\"" + Soap.Wsmid + "\"/>");
        (await Client.PostAsync(envelope)).ShouldSucceed().Body!.Name.Should().Be(Wsmid + "IdentifyResponse");
    }

    [Fact]
    public async Task Unauthenticated_header_does_not_open_other_operations()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: Soap.Id("host-1")), user: null, headers: Unauthenticated);
        reply.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unauthenticated_identify_without_the_header_gets_401()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.IdentifyEnvelope, user: null)).Status.Should().Be(HttpStatusCode.Unauthorized);
    }
}
