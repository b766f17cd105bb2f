using System.Xml;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Handlers;

/// <summary>Small pieces several handlers write or check: RequestedEPR, the fragment dialect, body presence.</summary>
internal static class ResponseParts
{
    /// <summary>XPath 1.0, the default (and only) fragment dialect.</summary>
    public const string XPathDialect = "http://www.w3.org/TR/1999/REC-xpath-19991116";

    private static readonly string WsMan = WsManNamespaces.WsMan.NamespaceName;

    /// <summary>The <c>wsman:RequestedEPR</c> header (DSP0226 R6.5-1) holding the instance's current EPR.</summary>
    public static Action<XmlWriter> RequestedEpr(CimObjectPath path, InstanceWriteOptions options) => w =>
    {
        w.WriteStartElement("wsman", "RequestedEPR", WsMan);
        InstanceXmlWriter.WriteEndpointReference(w, path, options);
        w.WriteEndElement();
    };

    /// <summary>The parsed fragment expression; <c>wsman:FragmentDialectNotSupported</c> for a dialect other than XPath 1.0.</summary>
    public static FragmentPath Fragment(WsManRequest request)
    {
        if (request.FragmentDialect is { Length: > 0 } dialect && !string.Equals(dialect.Trim(), XPathDialect, StringComparison.Ordinal))
            throw WsManFaults.FragmentDialectNotSupported(dialect);
        return FragmentPath.Parse(request.FragmentTransfer);
    }

    /// <summary>The body element, or <c>wsman:SchemaValidationError</c> when the action needs one and there is none.</summary>
    public static System.Xml.Linq.XElement Body(WsManRequest request, string what) =>
        request.Body ?? throw WsManFaults.SchemaValidationError($"the {what} request needs a body");
}
