using System.Xml.Linq;
using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;
using FluentAssertions;
using Xunit;

namespace CimCloud.WsManEndpoint.Tests.FastPath;

/// <summary>Selectors read in place from the request agree with <see cref="SelectorSetReader"/> on the loaded element.</summary>
public sealed class SelectorInPlaceTests
{
    private const string Wsman = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    private const string Wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";

    public static TheoryData<string> SelectorSets => new()
    {
        """<wsman:SelectorSet/>""",
        """<wsman:SelectorSet></wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector Name="Id">a</wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet> <wsman:Selector Name=" Id ">  padded  </wsman:Selector> </wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector Name="Id">a &amp; b &lt;c&gt; &#x41;&#66;</wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector Name="Id"><![CDATA[<raw> & text]]></wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector Name="Id">x<![CDATA[ y ]]>z<!-- c --> w</wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector Name="Id"/><wsman:Selector Name="Other"></wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector Name="Id">a<x:b xmlns:x="urn:x">inner</x:b>c</wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector Name="Id">a</wsman:Selector><wsman:Selector Name="id">b</wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector Name="__cimnamespace">root/cimv2</wsman:Selector><wsman:Selector Name="Id">日本語 ü</wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector Name="Ref"><wsa:EndpointReference><wsa:Address>http://x</wsa:Address><wsa:ReferenceParameters><wsman:ResourceURI>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CCT_Base</wsman:ResourceURI><wsman:SelectorSet><wsman:Selector Name="InstanceID">k</wsman:Selector></wsman:SelectorSet></wsa:ReferenceParameters></wsa:EndpointReference></wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector Name="Ref">text<wsa:EndpointReference><wsa:Address>a</wsa:Address></wsa:EndpointReference><wsa:EndpointReference><wsa:Address>b</wsa:Address></wsa:EndpointReference></wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector>no name</wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector Name="  ">blank name</wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet><wsman:Selector Name="Id">a</wsman:Selector><x:Other xmlns:x="urn:x"/><wsman:Selector>late</wsman:Selector></wsman:SelectorSet>""",
        """<wsman:SelectorSet><Selector Name="Id">unqualified</Selector></wsman:SelectorSet>""",
    };

    [Theory]
    [MemberData(nameof(SelectorSets))]
    public void Agrees_with_the_element_reader(string selectorSet)
    {
        var envelope = new SoapEnvelopeReader(1_000_000).Read(Envelope(selectorSet));
        var element = XElement.Parse($"""<r xmlns:wsman="{Wsman}" xmlns:wsa="{Wsa}">{selectorSet}</r>""").Elements().Single();

        IReadOnlyList<Selector>? expected = null;
        WsManFault? expectedFault = null;
        try
        {
            expected = SelectorSetReader.Read(element);
        }
        catch (WsManFault fault)
        {
            expectedFault = fault;
        }

        if (expectedFault is not null)
        {
            envelope.SelectorSetFault.Should().NotBeNull();
            envelope.SelectorSetFault!.Message.Should().Be(expectedFault.Message);
            envelope.SelectorSetFault.Subcode.Should().Be(expectedFault.Subcode);
            return;
        }

        envelope.SelectorSetFault.Should().BeNull();
        envelope.Selectors.Should().NotBeNull();
        var actual = envelope.Selectors!;
        actual.Select(s => (s.Name, s.Value, s.IsEndpointReference)).Should().Equal(expected!.Select(s => (s.Name, s.Value, s.IsEndpointReference)));
        for (var i = 0; i < actual.Count && expected is not null; i++)
        {
            if (expected[i].EndpointReference is { } epr)
                XNode.DeepEquals(Strip(actual[i].EndpointReference!), Strip(epr)).Should().BeTrue();
        }
    }

    [Fact]
    public void Utf16_text_reads_the_same()
    {
        var text = Envelope("""<wsman:SelectorSet><wsman:Selector Name="Id">ü &amp; 𝄞</wsman:Selector></wsman:SelectorSet>""");
        var bytes = System.Text.Encoding.Unicode.GetBytes(text);
        var encoding = ResponseEncoding.Utf16;
        var decoded = CimCloud.WsManEndpoint.Transport.RequestDecoder.Decode(bytes, ref encoding);
        var envelope = new SoapEnvelopeReader(1_000_000).Read(decoded);
        envelope.Selectors!.Single().Value.Should().Be("ü & 𝄞");
    }

    [Fact]
    public void A_request_without_a_SelectorSet_has_no_selectors()
    {
        var envelope = new SoapEnvelopeReader(1_000_000).Read(Envelope(string.Empty));
        envelope.Selectors.Should().BeNull();
        envelope.SelectorSetFault.Should().BeNull();
    }

    // Namespace declarations differ (the in-place reader declares the envelope's namespaces on the EPR root); names and content must not.
    private static XElement Strip(XElement element)
    {
        var copy = new XElement(element);
        foreach (var e in copy.DescendantsAndSelf())
            e.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        return copy;
    }

    private static string Envelope(string selectorSet) =>
        $"""<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="{Wsa}" xmlns:wsman="{Wsman}"><s:Header>"""
        + "<wsa:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</wsa:Action>"
        + selectorSet + "</s:Header><s:Body/></s:Envelope>";
}
