using System.Xml.Linq;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>Envelope-level rules: well-formedness, version, mustUnderstand, addressing headers, limits, XML attacks.</summary>
public sealed class EnvelopeTests(ServerFixture fixture, ITestOutputHelper output) : ServerTestBase(fixture, output)
{
    private static string Host1(string? messageId = null, string headers = "", string? timeout = "PT60S", string? maxEnvelopeSize = "153600") =>
        Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: Soap.Id("host-1"), messageId: messageId, headers: headers,
            operationTimeout: timeout, maxEnvelopeSize: maxEnvelopeSize);

    [Fact]
    public async Task Response_relates_to_the_request_and_is_addressed_to_anonymous()
    {
        if (!Ready)
            return;
        var id = Soap.NewId();
        var reply = await Client.OkAsync(Host1(id));
        reply.RelatesTo.Should().Be(id);
        reply.Header.Element(Wsa + "To")!.Value.Should().Be(Soap.Anonymous);
        reply.Action.Should().Be("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse");
        reply.Header.Element(Wsa + "MessageID")!.Value.Should().StartWith("uuid:").And.NotBe(id);
    }

    [Fact]
    public async Task Malformed_xml_is_SchemaValidationError_without_RelatesTo()
    {
        if (!Ready)
            return;
        var broken = Host1().Replace("</s:Body>", "</s:Bodyy>", StringComparison.Ordinal);
        var reply = await Client.PostAsync(broken);
        reply.ShouldFaultWsMan("SchemaValidationError");
        reply.RelatesTo.Should().BeNull();
        reply.Action.Should().Be("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault");
    }

    [Fact]
    public async Task Fault_carries_code_reason_with_lang_and_microsoft_detail()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: Soap.Id("nope")));
        reply.ShouldFault(Soap.Wsa, "DestinationUnreachable");
        reply.FaultCode.Should().Be("s:Sender");
        reply.Fault!.Element(S + "Reason")!.Element(S + "Text")!.Attribute(XNamespace.Xml + "lang")!.Value.Should().Be("en-US");
        reply.Fault.Element(S + "Detail")!.Element(XName.Get("WSManFault", "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault")).Should().NotBeNull();
        reply.Action.Should().Be("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault");
    }

    [Fact]
    public async Task Soap11_envelope_is_VersionMismatch_with_Upgrade()
    {
        if (!Ready)
            return;
        var soap11 = Host1().Replace(Soap.S, "http://schemas.xmlsoap.org/soap/envelope/", StringComparison.Ordinal);
        var reply = await Client.PostAsync(soap11);
        reply.Status.Should().Be(System.Net.HttpStatusCode.InternalServerError);
        reply.FaultCode.Should().Be("s:VersionMismatch");
        var supported = reply.Header.Element(S + "Upgrade")!.Element(S + "SupportedEnvelope")!;
        var qname = supported.Attribute("qname")!.Value;
        supported.GetNamespaceOfPrefix(qname.Split(':')[0])!.NamespaceName.Should().Be(Soap.S);
    }

    [Fact]
    public async Task Unknown_mustUnderstand_header_is_MustUnderstand_with_NotUnderstood()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(Host1(headers: "<x:Secret xmlns:x=\"urn:example\" s:mustUnderstand=\"true\">1</x:Secret>"));
        reply.Status.Should().Be(System.Net.HttpStatusCode.InternalServerError);
        reply.FaultCode.Should().Be("s:MustUnderstand");
        var notUnderstood = reply.Header.Element(S + "NotUnderstood")!;
        var qname = notUnderstood.Attribute("qname")!.Value.Split(':');
        qname[1].Should().Be("Secret");
        notUnderstood.GetNamespaceOfPrefix(qname[0])!.NamespaceName.Should().Be("urn:example");
    }

    [Fact]
    public async Task Microsoft_headers_without_mustUnderstand_are_ignored()
    {
        if (!Ready)
            return;
        const string p = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
        var headers = $"<p:SessionId xmlns:p=\"{p}\" s:mustUnderstand=\"false\">uuid:1</p:SessionId><p:OperationID xmlns:p=\"{p}\" s:mustUnderstand=\"false\">uuid:2</p:OperationID>"
            + $"<p:DataLocale xmlns:p=\"{p}\" xml:lang=\"de-DE\" s:mustUnderstand=\"false\"/><wsman:Locale xml:lang=\"en-US\" s:mustUnderstand=\"false\"/>";
        await Client.OkAsync(Host1(headers: headers));
    }

    [Fact]
    public async Task Billion_laughs_is_refused_and_the_server_keeps_serving()
    {
        if (!Ready)
            return;
        const string attack = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header/><s:Body>&lol9;</s:Body></s:Envelope>
            """;
        (await Client.PostAsync(attack)).ShouldFaultWsMan("SchemaValidationError");
        await Client.OkAsync(Host1());
    }

    [Fact]
    public async Task External_entity_is_refused()
    {
        if (!Ready)
            return;
        const string attack = """
            <?xml version="1.0"?>
            <!DOCTYPE x [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header/><s:Body>&xxe;</s:Body></s:Envelope>
            """;
        var reply = await Client.PostAsync(attack);
        reply.ShouldFaultWsMan("SchemaValidationError");
        reply.Text.Should().NotContain("root:");
    }

    [Fact]
    public async Task Deep_nesting_is_SchemaValidationError()
    {
        if (!Ready)
            return;
        var deep = string.Concat(Enumerable.Repeat("<a>", 200)) + string.Concat(Enumerable.Repeat("</a>", 200));
        var reply = await Client.PostAsync(Soap.Envelope(Soap.Put, Soap.Uri("CCT_Base"), deep, Soap.Id("base-1")));
        reply.ShouldFaultWsMan("SchemaValidationError");
    }

    [Fact]
    public async Task Duplicate_MessageID_is_InvalidMessageInformationHeader()
    {
        if (!Ready)
            return;
        var id = Soap.NewId();
        await Client.OkAsync(Host1(id));
        var again = await Client.PostAsync(Host1(id));
        again.ShouldFault(Soap.Wsa, "InvalidMessageInformationHeader");
        again.RelatesTo.Should().Be(id);
    }

    [Fact]
    public async Task Same_MessageID_from_another_user_is_not_a_duplicate()
    {
        if (!Ready)
            return;
        var id = Soap.NewId();
        await Client.OkAsync(Host1(id));
        await Client.OkAsync(Host1(id), ServerFixture.OtherUser, ServerFixture.OtherPassword);
    }

    [Fact]
    public async Task MessageID_without_uuid_prefix_is_accepted()
    {
        if (!Ready)
            return;
        var bare = Guid.NewGuid().ToString("D").ToUpperInvariant();
        (await Client.OkAsync(Host1(bare))).RelatesTo.Should().Be(bare);
    }

    [Fact]
    public async Task Missing_MessageID_is_MessageInformationHeaderRequired()
    {
        if (!Ready)
            return;
        var envelope = System.Text.RegularExpressions.Regex.Replace(Host1(), "<wsa:MessageID>.*?</wsa:MessageID>", string.Empty);
        (await Client.PostAsync(envelope)).ShouldFault(Soap.Wsa, "MessageInformationHeaderRequired");
    }

    [Fact]
    public async Task Empty_MessageID_is_InvalidMessageInformationHeader()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Host1(messageId: string.Empty))).ShouldFault(Soap.Wsa, "InvalidMessageInformationHeader");
    }

    [Fact]
    public async Task Missing_To_is_MessageInformationHeaderRequired()
    {
        if (!Ready)
            return;
        var envelope = System.Text.RegularExpressions.Regex.Replace(Host1(), "<wsa:To>.*?</wsa:To>", string.Empty);
        (await Client.PostAsync(envelope)).ShouldFault(Soap.Wsa, "MessageInformationHeaderRequired");
    }

    [Theory]
    [InlineData("P1Y2M3DT10H30M")]
    [InlineData("PT0.5S")]
    public async Task Valid_OperationTimeout_forms_are_accepted(string timeout)
    {
        if (!Ready)
            return;
        await Client.OkAsync(Host1(timeout: timeout));
    }

    [Theory]
    [InlineData("sixty seconds")]
    [InlineData("2026-11-27T10:15:30Z")]
    [InlineData("60")]
    public async Task Bad_OperationTimeout_is_InvalidMessageInformationHeader(string timeout)
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Host1(timeout: timeout))).ShouldFault(Soap.Wsa, "InvalidMessageInformationHeader", "OperationTimeout");
    }

    [Fact]
    public async Task Zero_OperationTimeout_is_TimedOut()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Host1(timeout: "PT0S"))).ShouldFaultWsMan("TimedOut");
    }

    [Fact]
    public async Task MaxEnvelopeSize_below_8192_is_MinimumEnvelopeLimit()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Host1(maxEnvelopeSize: "4096"))).ShouldFaultWsMan("EncodingLimit", "MinimumEnvelopeLimit");
    }

    [Fact]
    public async Task Unsupported_locale_with_mustUnderstand_is_UnsupportedFeature()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(Host1(headers: "<wsman:Locale xml:lang=\"fr-FR\" s:mustUnderstand=\"true\"/>"));
        reply.ShouldFaultWsMan("UnsupportedFeature", "Locale");
        await Client.OkAsync(Host1(headers: "<wsman:Locale xml:lang=\"fr-FR\" s:mustUnderstand=\"false\"/>"));
    }

    [Fact]
    public async Task Unknown_option_with_MustComply_is_InvalidOptions()
    {
        if (!Ready)
            return;
        var set = "<wsman:OptionSet><wsman:Option Name=\"Frobnicate\" MustComply=\"true\">1</wsman:Option></wsman:OptionSet>";
        (await Client.PostAsync(Host1(headers: set))).ShouldFaultWsMan("InvalidOptions", "NotSupported");
        await Client.OkAsync(Host1(headers: set.Replace("MustComply=\"true\"", string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ExcludeNilProperties_option_leaves_nil_properties_out()
    {
        if (!Ready)
            return;
        var set = "<wsman:OptionSet><wsman:Option Name=\"ExcludeNilProperties\" Type=\"xs:boolean\">true</wsman:Option></wsman:OptionSet>";
        var reply = await Client.OkAsync(Host1(headers: set));
        reply.Body!.Element(ClassNs("CCT_Host") + "ElementName").Should().BeNull();
        (await Client.OkAsync(Host1())).Body!.Element(ClassNs("CCT_Host") + "ElementName")!.Attribute(Xsi + "nil")!.Value.Should().Be("true");
    }

    [Fact]
    public async Task ReplyTo_reference_parameters_come_back_as_headers()
    {
        if (!Ready)
            return;
        var envelope = Host1().Replace(
            $"<wsa:ReplyTo><wsa:Address s:mustUnderstand=\"true\">{Soap.Anonymous}</wsa:Address></wsa:ReplyTo>",
            $"<wsa:ReplyTo><wsa:Address>{Soap.Anonymous}</wsa:Address><wsa:ReferenceParameters><c:Cookie xmlns:c=\"urn:cookie\">42</c:Cookie></wsa:ReferenceParameters></wsa:ReplyTo>",
            StringComparison.Ordinal);
        var reply = await Client.OkAsync(envelope);
        reply.Header.Element(XName.Get("Cookie", "urn:cookie"))!.Value.Should().Be("42");
    }

    [Fact]
    public async Task Non_anonymous_ReplyTo_is_UnsupportedFeature_AddressingMode()
    {
        if (!Ready)
            return;
        var envelope = Host1().Replace(Soap.Anonymous, "http://collector.example/replies", StringComparison.Ordinal);
        (await Client.PostAsync(envelope)).ShouldFaultWsMan("UnsupportedFeature", "AddressingMode");
    }

    [Fact]
    public async Task Unknown_action_is_ActionNotSupported()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(Soap.Envelope("http://example.org/DoSomething", Soap.Uri("CCT_Host")));
        reply.ShouldFault(Soap.Wsa, "ActionNotSupported");
        reply.Fault!.Descendants(Wsa + "Action").Single().Value.Should().Be("http://example.org/DoSomething");
    }

    [Fact]
    public async Task Missing_or_unknown_ResourceURI_is_DestinationUnreachable_InvalidResourceURI()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(Soap.Get, null, selectors: Soap.Id("host-1")))).ShouldFault(Soap.Wsa, "DestinationUnreachable", "InvalidResourceURI");
        (await Client.PostAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Nothing"), selectors: Soap.Id("host-1")))).ShouldFault(Soap.Wsa, "DestinationUnreachable", "InvalidResourceURI");
        (await Client.PostAsync(Soap.Envelope(Soap.Get, "http://example.org/not/cim", selectors: Soap.Id("host-1")))).ShouldFault(Soap.Wsa, "DestinationUnreachable", "InvalidResourceURI");
        (await Client.PostAsync(Soap.Envelope(Soap.Get, Soap.Uri("cct_host"), selectors: Soap.Id("host-1")))).ShouldFault(Soap.Wsa, "DestinationUnreachable", "InvalidResourceURI");
    }

    [Fact]
    public async Task Renew_and_GetStatus_are_ActionNotSupported()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(Soap.Renew, Soap.Uri("CCT_Host"), "<wsen:Renew/>"))).ShouldFault(Soap.Wsa, "ActionNotSupported");
    }
}
