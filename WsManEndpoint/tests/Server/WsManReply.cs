using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using FluentAssertions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>An HTTP reply with its parsed envelope (when there is one) and helpers to read it.</summary>
internal sealed class WsManReply(HttpStatusCode status, HttpResponseHeaders headers, string? contentType, byte[] bytes, string text)
{
    private static readonly XNamespace S = Soap.S;
    private static readonly XNamespace Wsa = Soap.Wsa;
    private static readonly XNamespace WsMan = Soap.WsMan;

    public HttpStatusCode Status { get; } = status;

    public HttpResponseHeaders Headers { get; } = headers;

    public string? ContentType { get; } = contentType;

    public byte[] Bytes { get; } = bytes;

    public string Text { get; } = text;

    public XDocument Xml => _xml ??= XDocument.Parse(Text);

    private XDocument? _xml;

    public XElement Header => Xml.Root!.Element(S + "Header")!;

    /// <summary>The first element in s:Body (null when empty).</summary>
    public XElement? Body => Xml.Root!.Element(S + "Body")!.Elements().FirstOrDefault();

    public string? Action => Header.Element(Wsa + "Action")?.Value;

    public string? RelatesTo => Header.Element(Wsa + "RelatesTo")?.Value;

    public XElement? Fault => Xml.Root!.Element(S + "Body")?.Element(S + "Fault");

    public string? FaultCode => Fault?.Element(S + "Code")?.Element(S + "Value")?.Value;

    /// <summary>The subcode QName resolved to {namespace}local, checking its prefix is declared.</summary>
    public XName? Subcode
    {
        get
        {
            var value = Fault?.Element(S + "Code")?.Element(S + "Subcode")?.Element(S + "Value");
            if (value is null)
                return null;
            var text = value.Value.Trim();
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var ns = value.GetNamespaceOfPrefix(text[..colon]);
            ns.Should().NotBeNull($"the subcode prefix in '{text}' must be declared");
            return ns! + text[(colon + 1)..];
        }
    }

    /// <summary>The FaultDetail name (after …/faultDetail/), or null.</summary>
    public string? FaultDetail
    {
        get
        {
            var uri = Fault?.Element(S + "Detail")?.Element(WsMan + "FaultDetail")?.Value;
            const string prefix = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";
            return uri is null ? null : uri.StartsWith(prefix, StringComparison.Ordinal) ? uri[prefix.Length..] : uri;
        }
    }

    public WsManReply ShouldSucceed()
    {
        Status.Should().Be(HttpStatusCode.OK, Text);
        Fault.Should().BeNull();
        return this;
    }

    /// <summary>HTTP 500 with the subcode (local name in the given namespace) and detail (null: none).</summary>
    public WsManReply ShouldFault(string ns, string subcode, string? detail = null)
    {
        Status.Should().Be(HttpStatusCode.InternalServerError, Text);
        Fault.Should().NotBeNull(Text);
        Subcode.Should().Be(XName.Get(subcode, ns), Text);
        FaultDetail.Should().Be(detail, Text);
        return this;
    }

    public WsManReply ShouldFaultWsMan(string subcode, string? detail = null) => ShouldFault(Soap.WsMan, subcode, detail);

    /// <summary>The wsen:EnumerationContext of an EnumerateResponse or PullResponse ("" when empty; null when absent).</summary>
    public string? EnumerationContext => Body?.Element(XName.Get("EnumerationContext", Soap.Wsen))?.Value;

    /// <summary>Items of an optimized EnumerateResponse (wsman:Items) or a PullResponse (wsen:Items).</summary>
    public IReadOnlyList<XElement> Items =>
        (Body?.Element(WsMan + "Items") ?? Body?.Element(XName.Get("Items", Soap.Wsen)))?.Elements().ToList() ?? [];

    public bool EndOfSequence =>
        Body?.Element(WsMan + "EndOfSequence") is not null || Body?.Element(XName.Get("EndOfSequence", Soap.Wsen)) is not null;
}
