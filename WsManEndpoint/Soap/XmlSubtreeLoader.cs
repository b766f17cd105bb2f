using System.Xml;
using System.Xml.Linq;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// Builds a small <see cref="XElement"/> from the element an <see cref="XmlReader"/> is on, iteratively and with a
/// depth limit; the new root also declares the namespaces in scope from its ancestors, so QNames in text
/// (<c>xsi:type="p:X_Type"</c>) still resolve once the element stands alone. Leaves the reader after the element.
/// </summary>
internal static class XmlSubtreeLoader
{
    /// <param name="reader">Positioned on an element.</param>
    /// <param name="maxDepth">Deepest element allowed (the document element is depth 0).</param>
    /// <param name="withAncestorNamespaces">Also declare on the root the namespaces inherited from its ancestors (for QNames in content).</param>
    public static XElement Load(XmlReader reader, int maxDepth, bool withAncestorNamespaces = true)
    {
        var root = CreateElement(reader, inScope: withAncestorNamespaces);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return root;
        }

        var startDepth = reader.Depth;
        var current = root;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    CheckDepth(reader, maxDepth);
                    var child = CreateElement(reader, inScope: false);
                    current.Add(child);
                    if (!reader.IsEmptyElement)
                        current = child;
                    break;
                case XmlNodeType.EndElement:
                    if (reader.Depth == startDepth)
                    {
                        reader.Read();
                        return root;
                    }

                    current = current.Parent ?? root;
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    current.Add(new XText(reader.Value));
                    break;
                default:
                    break;
            }
        }

        throw new XmlException("unexpected end of document inside an element");
    }

    /// <summary>Skips the element the reader is on (or the current node), checking depth all the way down.</summary>
    public static void Skip(XmlReader reader, int maxDepth)
    {
        if (reader.NodeType != XmlNodeType.Element || reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var startDepth = reader.Depth;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
                CheckDepth(reader, maxDepth);
            else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == startDepth)
            {
                reader.Read();
                return;
            }
        }

        throw new XmlException("unexpected end of document inside an element");
    }

    public static void CheckDepth(XmlReader reader, int maxDepth)
    {
        if (reader.Depth > maxDepth)
            throw WsManFaults.SchemaValidationError($"the envelope nests elements deeper than {maxDepth} levels");
    }

    private static XElement CreateElement(XmlReader reader, bool inScope)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (string.Equals(reader.NamespaceURI, XNamespace.Xmlns.NamespaceName, StringComparison.Ordinal))
                {
                    var prefix = reader.Prefix.Length == 0 ? null : reader.LocalName;
                    element.Add(prefix is null ? new XAttribute("xmlns", reader.Value) : new XAttribute(XNamespace.Xmlns + prefix, reader.Value));
                }
                else
                {
                    element.Add(new XAttribute(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value));
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        if (inScope && reader is IXmlNamespaceResolver resolver)
        {
            foreach (var (prefix, uri) in resolver.GetNamespacesInScope(XmlNamespaceScope.ExcludeXml))
            {
                if (uri.Length == 0)
                    continue;
                var name = prefix.Length == 0 ? XName.Get("xmlns") : XNamespace.Xmlns + prefix;
                if (element.Attribute(name) is null)
                    element.Add(new XAttribute(name, uri));
            }
        }

        return element;
    }
}
