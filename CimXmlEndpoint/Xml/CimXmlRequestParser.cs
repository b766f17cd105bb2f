using System.Xml.Linq;
using CimCloud.CimXmlEndpoint.Transport;

namespace CimCloud.CimXmlEndpoint.Xml;

/// <summary>Reads the DSP0201 request envelope: CIM / MESSAGE / SIMPLEREQ / (IMETHODCALL | METHODCALL).</summary>
internal static class CimXmlRequestParser
{
    public static CimXmlRequest Parse(XDocument document)
    {
        var cim = document.Root;
        if (cim is null || cim.Name.LocalName != "CIM" || cim.Name.NamespaceName.Length != 0)
            throw CimXmlProtocolException.NotValid("the document element is not CIM");
        CheckVersion(cim, "CIMVERSION", "unsupported-cim-version");
        CheckVersion(cim, "DTDVERSION", "unsupported-dtd-version");
        var message = Single(cim, "MESSAGE");
        var id = Required(message, "ID");
        var protocol = Required(message, "PROTOCOLVERSION");
        if (!protocol.StartsWith("1.", StringComparison.Ordinal) && protocol != "1")
            throw new CimXmlProtocolException(501, "unsupported-protocol-version", $"PROTOCOLVERSION {protocol} is not supported; this server speaks 1.x");
        var body = message.Elements().FirstOrDefault()
            ?? throw CimXmlProtocolException.NotValid("MESSAGE is empty; expected SIMPLEREQ");
        if (body.Name.LocalName == "MULTIREQ")
            throw new CimXmlProtocolException(501, "multiple-requests-unsupported", "MULTIREQ is not supported; send one SIMPLEREQ per request");
        if (body.Name.LocalName != "SIMPLEREQ")
            throw CimXmlProtocolException.NotValid($"MESSAGE holds {body.Name.LocalName}; expected SIMPLEREQ");
        var call = body.Elements().FirstOrDefault(e => e.Name.LocalName is "IMETHODCALL" or "METHODCALL")
            ?? throw CimXmlProtocolException.NotValid("SIMPLEREQ holds neither IMETHODCALL nor METHODCALL");
        var name = Required(call, "NAME");
        if (call.Name.LocalName == "IMETHODCALL")
        {
            var nsPath = call.Element("LOCALNAMESPACEPATH") ?? throw CimXmlProtocolException.NotValid("IMETHODCALL has no LOCALNAMESPACEPATH");
            var ns = CimXmlReader.LocalNamespacePath(nsPath);
            return new CimXmlRequest(id, protocol, true, name, ns, null, Params(call, "IPARAMVALUE"));
        }

        var targetElement = call.Elements().FirstOrDefault(e => e.Name.LocalName is "LOCALCLASSPATH" or "LOCALINSTANCEPATH")
            ?? throw CimXmlProtocolException.NotValid("METHODCALL has neither LOCALCLASSPATH nor LOCALINSTANCEPATH");
        var target = CimXmlReader.ObjectPath(targetElement);
        return new CimXmlRequest(id, protocol, false, name, target.Namespace ?? string.Empty, target, Params(call, "PARAMVALUE"));
    }

    private static List<XElement> Params(XElement call, string elementName)
    {
        var list = new List<XElement>();
        foreach (var e in call.Elements())
        {
            if (e.Name.LocalName == elementName)
            {
                _ = Required(e, "NAME");
                list.Add(e);
            }
            else if (e.Name.LocalName is not ("LOCALNAMESPACEPATH" or "LOCALCLASSPATH" or "LOCALINSTANCEPATH"))
            {
                throw CimXmlProtocolException.NotValid($"{call.Name.LocalName} holds an unexpected element {e.Name.LocalName}");
            }
        }

        return list;
    }

    private static void CheckVersion(XElement cim, string attribute, string cimError)
    {
        var value = Required(cim, attribute);
        if (!value.StartsWith("2.", StringComparison.Ordinal) && value != "2")
            throw new CimXmlProtocolException(501, cimError, $"{attribute} {value} is not supported; this server speaks 2.x");
    }

    private static XElement Single(XElement parent, string name) =>
        parent.Element(name) ?? throw CimXmlProtocolException.NotValid($"{parent.Name.LocalName} has no {name} element");

    private static string Required(XElement element, string attribute) =>
        element.Attribute(attribute)?.Value ?? throw CimXmlProtocolException.NotValid($"{element.Name.LocalName} has no {attribute} attribute");
}
