using System.Text;
using System.Xml;
using System.Xml.Linq;
using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// Reads a <c>wsman:SelectorSet</c> header straight from the <see cref="XmlReader"/> into <see cref="Selector"/>s, with
/// the same results as <see cref="SelectorSetReader"/> on the loaded element: a selector's value is its trimmed text
/// (entities and CDATA included, text inside child elements too); a <c>wsa:EndpointReference</c> child makes it an
/// EPR selector (only child elements are loaded as XElements). The first structural error is kept, not thrown, so the
/// validator can raise it in its place among the header checks.
/// </summary>
internal static class SelectorSetInPlaceReader
{
    private static readonly string WsmanNs = WsManNamespaces.WsMan.NamespaceName;

    /// <summary>Reads the SelectorSet the reader is on and leaves the reader after it.</summary>
    public static (List<Selector> Selectors, WsManFault? Fault) Read(XmlReader reader, int maxDepth)
    {
        var selectors = new List<Selector>();
        WsManFault? fault = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return (selectors, null);
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                if (!reader.Read())
                    throw new XmlException("unexpected end of document inside wsman:SelectorSet");
                continue;
            }

            XmlSubtreeLoader.CheckDepth(reader, maxDepth);
            if (fault is not null)
            {
                XmlSubtreeLoader.Skip(reader, maxDepth);
                continue;
            }

            if (!SoapEnvelopeReader.Is(reader, WsmanNs, "Selector"))
            {
                fault = WsManFaults.SchemaValidationError(
                    $"wsman:SelectorSet may hold only wsman:Selector elements, not {XName.Get(reader.LocalName, reader.NamespaceURI)}");
                XmlSubtreeLoader.Skip(reader, maxDepth);
                continue;
            }

            var name = reader.GetAttribute("Name")?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                fault = WsManFaults.SchemaValidationError("a wsman:Selector has no Name attribute");
                XmlSubtreeLoader.Skip(reader, maxDepth);
                continue;
            }

            selectors.Add(ReadSelector(reader, name, maxDepth));
        }

        reader.Read();
        return (selectors, fault);
    }

    private static Selector ReadSelector(XmlReader reader, string name, int maxDepth)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new Selector(name, string.Empty);
        }

        reader.Read();
        string? single = null;
        StringBuilder? text = null;
        XElement? epr = null;
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    Append(reader.Value, ref single, ref text);
                    reader.Read();
                    break;
                case XmlNodeType.Element:
                    XmlSubtreeLoader.CheckDepth(reader, maxDepth);
                    var child = XmlSubtreeLoader.Load(reader, maxDepth);
                    if (epr is null && child.Name == WsCimXml.EndpointReference)
                        epr = child;
                    Append(child.Value, ref single, ref text);
                    break;
                default:
                    if (!reader.Read())
                        throw new XmlException("unexpected end of document inside wsman:Selector");
                    break;
            }
        }

        reader.Read();
        if (epr is not null)
            return new Selector(name, null, epr);
        var value = text?.ToString() ?? single ?? string.Empty;
        return new Selector(name, value.Trim());
    }

    private static void Append(string value, ref string? single, ref StringBuilder? text)
    {
        if (text is not null)
        {
            text.Append(value);
        }
        else if (single is null)
        {
            single = value;
        }
        else
        {
            text = new StringBuilder(single).Append(value);
            single = null;
        }
    }
}
