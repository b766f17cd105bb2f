using System.Xml;
using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Writes an object path as an endpoint reference (spec digest §6): <c>wsa:Address</c> and
/// <c>wsa:ReferenceParameters</c> with the class resource URI and a SelectorSet of every key plus
/// <c>__cimnamespace</c>; a reference-typed key holds a nested <c>wsa:EndpointReference</c>.
/// </summary>
internal static class EndpointReferenceXmlWriter
{
    public static void WriteEndpointReference(XmlWriter writer, CimObjectPath path, InstanceWriteOptions options)
    {
        writer.WriteStartElement(writer.LookupPrefix(WsCimXml.AddressingNamespace) ?? "wsa", "EndpointReference", WsCimXml.AddressingNamespace);
        WriteChildren(writer, path, options);
        writer.WriteEndElement();
    }

    public static void WriteChildren(XmlWriter writer, CimObjectPath path, InstanceWriteOptions options)
    {
        var wsa = writer.LookupPrefix(WsCimXml.AddressingNamespace) ?? "wsa";
        var wsman = writer.LookupPrefix(WsCimXml.WsManNamespace) ?? "wsman";
        writer.WriteElementString(wsa, "Address", WsCimXml.AddressingNamespace, options.Address);
        writer.WriteStartElement(wsa, "ReferenceParameters", WsCimXml.AddressingNamespace);
        writer.WriteElementString(wsman, "ResourceURI", WsCimXml.WsManNamespace, ResourceUriMap.ForClass(path.ClassName));
        writer.WriteStartElement(wsman, "SelectorSet", WsCimXml.WsManNamespace);
        foreach (var key in path.KeyBindings)
        {
            writer.WriteStartElement(wsman, "Selector", WsCimXml.WsManNamespace);
            writer.WriteAttributeString("Name", key.Name);
            if (key.Value is CimObjectPath nested)
                WriteEndpointReference(writer, nested, options);
            else
                writer.WriteString(CimValueConverter.ToText(key.Value));
            writer.WriteEndElement();
        }

        writer.WriteStartElement(wsman, "Selector", WsCimXml.WsManNamespace);
        writer.WriteAttributeString("Name", WsCimXml.NamespaceSelector);
        writer.WriteString(path.Namespace ?? options.DefaultNamespace);
        writer.WriteEndElement();
        writer.WriteEndElement(); // SelectorSet
        writer.WriteEndElement(); // ReferenceParameters
    }
}
