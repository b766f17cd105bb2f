using System.Xml.Linq;

namespace CimCloud.ConformanceTests.WsMan;

/// <summary>Reads the SOAP envelopes the clients got back: instances (by WS-CIM class element), faults, enumeration markers.</summary>
internal static class SoapXml
{
    public const string ClassUriPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    public const string FaultDetailPrefix = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";

    public static readonly XNamespace S = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static readonly XNamespace Wsman = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static readonly XNamespace Wsen = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static readonly XNamespace Wxf = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public static readonly XNamespace Wsmid = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static XElement Parse(string envelope)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(envelope, nameof(envelope));
        var root = XDocument.Parse(envelope).Root ?? throw new FormatException("empty document");
        if (root.Name != S + "Envelope")
            throw new FormatException($"not a SOAP 1.2 envelope: {root.Name}");
        return root;
    }

    public static XElement Body(this XElement envelope) =>
        envelope.Element(S + "Body") ?? throw new FormatException("no s:Body");

    public static string? Action(this XElement envelope) =>
        envelope.Element(S + "Header")?.Element(Wsa + "Action")?.Value.Trim();

    public static string? RelatesTo(this XElement envelope) =>
        envelope.Element(S + "Header")?.Element(Wsa + "RelatesTo")?.Value.Trim();

    public static XElement? Fault(this XElement envelope) => envelope.Body().Element(S + "Fault");

    /// <summary>The fault subcode as written (<c>wsman:InvalidSelectors</c>), or null when the envelope is no fault.</summary>
    public static string? FaultSubcode(this XElement envelope) =>
        envelope.Fault()?.Element(S + "Code")?.Element(S + "Subcode")?.Element(S + "Value")?.Value.Trim();

    /// <summary>The subcode's local name (<c>InvalidSelectors</c>), prefix dropped.</summary>
    public static string? FaultSubcodeName(this XElement envelope) =>
        envelope.FaultSubcode() is { } q ? q[(q.IndexOf(':', StringComparison.Ordinal) + 1)..] : null;

    /// <summary>The wsman:FaultDetail URI, or null.</summary>
    public static string? FaultDetail(this XElement envelope) =>
        envelope.Fault()?.Element(S + "Detail")?.Element(Wsman + "FaultDetail")?.Value.Trim();

    public static string? FaultReason(this XElement envelope) =>
        envelope.Fault()?.Element(S + "Reason")?.Elements(S + "Text").FirstOrDefault()?.Value.Trim();

    public static bool HasEndOfSequence(this XElement envelope) =>
        envelope.Body().Descendants().Any(e => e.Name == Wsen + "EndOfSequence" || e.Name == Wsman + "EndOfSequence");

    /// <summary>Every WS-CIM instance element in the body (element name = class, namespace = class resource URI).</summary>
    public static IReadOnlyList<CimInstanceXml> Instances(this XElement envelope) =>
        envelope.Body().Descendants().Where(IsInstanceElement).Select(e => new CimInstanceXml(e)).ToList();

    private static bool IsInstanceElement(XElement e) =>
        e.Name.NamespaceName.StartsWith(ClassUriPrefix, StringComparison.Ordinal) &&
        e.Name.NamespaceName.Length == ClassUriPrefix.Length + e.Name.LocalName.Length &&
        e.Name.NamespaceName.EndsWith(e.Name.LocalName, StringComparison.Ordinal);
}

/// <summary>One WS-CIM instance element: property values by name (all properties are in the instance's class namespace).</summary>
internal sealed class CimInstanceXml(XElement element)
{
    public XElement Element { get; } = element;

    public string ClassName => Element.Name.LocalName;

    /// <summary>The single value of a scalar property; null when it is absent or <c>xsi:nil</c>.</summary>
    public string? this[string property] =>
        Property(property) is { } e && e.Attribute(SoapXml.Xsi + "nil")?.Value != "true" ? e.Value : null;

    public bool IsNil(string property) => Property(property)?.Attribute(SoapXml.Xsi + "nil")?.Value == "true";

    /// <summary>All entries of an array property, in order (no elements = empty or NULL array).</summary>
    public IReadOnlyList<string> Values(string property) =>
        Element.Elements(Element.Name.Namespace + property).Select(e => e.Value).ToList();

    /// <summary>Selector values of a reference property's EPR.</summary>
    public IReadOnlyDictionary<string, string> ReferenceSelectors(string property) =>
        Property(property)?.Descendants(SoapXml.Wsman + "Selector")
            .ToDictionary(s => (string?)s.Attribute("Name") ?? "", s => s.Value.Trim()) ?? new Dictionary<string, string>();

    public override string ToString() => $"{ClassName}({this["InstanceID"] ?? Element.Value[..Math.Min(60, Element.Value.Length)]})";

    private XElement? Property(string property) => Element.Element(Element.Name.Namespace + property);
}
