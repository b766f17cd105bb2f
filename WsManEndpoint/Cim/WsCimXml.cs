using System.Xml.Linq;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>Namespace strings, names and prefixes of the WS-CIM instance mapping (DSP0230), as plain strings for XmlWriter.</summary>
internal static class WsCimXml
{
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    public const string CimNamespace = "http://schemas.dmtf.org/wbem/wscim/1/common";
    public const string AddressingNamespace = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public const string WsManNamespace = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";

    /// <summary>The selector that carries the CIM namespace of an instance path; never a key.</summary>
    public const string NamespaceSelector = "__cimnamespace";

    /// <summary>How deep embedded instances (and references nested in keys) may nest on input.</summary>
    public const int MaxNesting = 16;

    public static readonly XName XsiNil = WsManNamespaces.Xsi + "nil";
    public static readonly XName XsiType = WsManNamespaces.Xsi + "type";
    public static readonly XName EndpointReference = WsManNamespaces.Addressing + "EndpointReference";
    public static readonly XName ReferenceParameters = WsManNamespaces.Addressing + "ReferenceParameters";
    public static readonly XName ReferenceProperties = WsManNamespaces.Addressing + "ReferenceProperties";
    public static readonly XName Address = WsManNamespaces.Addressing + "Address";
    public static readonly XName ResourceUri = WsManNamespaces.WsMan + "ResourceURI";
    public static readonly XName SelectorSet = WsManNamespaces.WsMan + "SelectorSet";
    public static readonly XName Selector = WsManNamespaces.WsMan + "Selector";
    public static readonly XName XmlFragment = WsManNamespaces.WsMan + "XmlFragment";

    private static readonly string[] Prefixes = ["p", "q", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"];

    /// <summary>Prefix of a class namespace at a nesting depth: <c>p</c> for the instance, <c>q</c>, <c>q2</c>… for embedded ones.</summary>
    public static string ClassPrefix(int depth) => depth < Prefixes.Length ? Prefixes[depth] : "q" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for <c>xsi:nil="true"</c> (or <c>1</c>).</summary>
    public static bool IsNil(XElement element) =>
        element.Attribute(XsiNil)?.Value.Trim() is "true" or "1";
}
