using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>The item writer for an EnumerationMode (spec digest §8.2 item shapes).</summary>
internal static class ItemWriters
{
    private static readonly string WsMan = WsManNamespaces.WsMan.NamespaceName;

    public static EnumerationItemWriter Create(EnumerationMode mode, InstanceWriteOptions options) => mode switch
    {
        EnumerationMode.EndpointReferences => (w, instance) => InstanceXmlWriter.WriteEndpointReference(w, instance.Path, options),
        EnumerationMode.ObjectsAndEndpointReferences => (w, instance) =>
        {
            w.WriteStartElement("wsman", "Item", WsMan);
            InstanceXmlWriter.DeclareClassNamespace(w, instance, options);
            InstanceXmlWriter.WriteInstance(w, instance, options);
            InstanceXmlWriter.WriteEndpointReference(w, instance.Path, options);
            w.WriteEndElement();
        },
        _ => (w, instance) => InstanceXmlWriter.WriteInstance(w, instance, options),
    };
}
