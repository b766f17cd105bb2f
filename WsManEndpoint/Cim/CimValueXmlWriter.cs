using System.Xml;
using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>Writes instance elements and typed values (DSP0230) with an <see cref="XmlWriter"/>; shared by instances, method output and fragments.</summary>
internal static class CimValueXmlWriter
{
    /// <summary>
    /// The instance element of <paramref name="instance"/> rendered as <paramref name="render"/> (its own class or an
    /// ancestor): properties in alphabetical order, each in the rendered class's namespace.
    /// </summary>
    public static void WriteInstance(XmlWriter writer, CimInstance instance, CimClass render, InstanceWriteOptions options, int depth)
    {
        var info = ClassXmlInfo.For(render);
        var prefix = WsCimXml.ClassPrefix(depth);
        writer.WriteStartElement(prefix, render.Name, info.Namespace);
        if (depth > 0 || !string.Equals(render.Name, options.ResourceClassName, StringComparison.OrdinalIgnoreCase))
            writer.WriteAttributeString("xsi", "type", WsCimXml.XsiNamespace, info.TypeNameFor(prefix));
        if (info.HasDateTime)
            DeclareOnce(writer, "cim", WsCimXml.CimNamespace);
        if (info.HasReference)
        {
            DeclareOnce(writer, "wsa", WsCimXml.AddressingNamespace);
            DeclareOnce(writer, "wsman", WsCimXml.WsManNamespace);
        }

        var own = ReferenceEquals(render, instance.Class);
        var properties = info.SortedProperties;
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var ordinal = own ? p.Ordinal : OrdinalIn(instance.Class, p);
            if (ordinal < 0 || !instance.IsIncluded(ordinal))
                continue;
            WriteProperty(writer, prefix, info.Namespace, p.Name, p.DataType, instance.GetValue(ordinal), options, depth);
        }

        writer.WriteEndElement();
    }

    /// <summary>
    /// The element(s) of one property or parameter: NULL scalar → <c>xsi:nil</c> (when options say so); arrays → one
    /// element per entry (NULL entries nil), nothing for NULL or empty arrays.
    /// </summary>
    public static void WriteProperty(XmlWriter writer, string prefix, string ns, string name, CimDataType type, object? value,
        InstanceWriteOptions options, int depth)
    {
        if (value is null)
        {
            if (!type.IsArray && options.IncludeNil)
                WriteElement(writer, prefix, ns, name, type.Type, null, options, depth);
            return;
        }

        if (!type.IsArray)
        {
            WriteElement(writer, prefix, ns, name, type.Type, value, options, depth);
            return;
        }

        foreach (var item in (Array)value)
            WriteElement(writer, prefix, ns, name, type.Type, item, options, depth);
    }

    /// <summary>One element holding one scalar (or nil).</summary>
    public static void WriteElement(XmlWriter writer, string prefix, string ns, string name, CimType type, object? value,
        InstanceWriteOptions options, int depth)
    {
        writer.WriteStartElement(prefix, name, ns);
        if (value is null)
            writer.WriteAttributeString("xsi", "nil", WsCimXml.XsiNamespace, "true");
        else
            WriteContent(writer, type, value, options, depth);
        writer.WriteEndElement();
    }

    /// <summary>The content of a value element: text, a datetime wrapper, EPR children or a nested instance.</summary>
    public static void WriteContent(XmlWriter writer, CimType type, object value, InstanceWriteOptions options, int depth)
    {
        switch (type)
        {
            case CimType.DateTime:
                CimDateTimeXml.Write(writer, (CimDateTime)value);
                break;
            case CimType.Reference:
                EndpointReferenceXmlWriter.WriteChildren(writer, (CimObjectPath)value, options);
                break;
            case CimType.Instance:
                var embedded = (CimInstance)value;
                WriteInstance(writer, embedded, embedded.Class, options, depth + 1);
                break;
            default:
                writer.WriteString(CimValueConverter.ToText(value));
                break;
        }
    }

    private static int OrdinalIn(CimClass cimClass, CimProperty property)
    {
        var o = property.Ordinal;
        var props = cimClass.Properties;
        return o < props.Count && string.Equals(props[o].Name, property.Name, StringComparison.OrdinalIgnoreCase) ? o : props.IndexOf(property.Name);
    }

    private static void DeclareOnce(XmlWriter writer, string prefix, string ns)
    {
        if (writer.LookupPrefix(ns) is null)
            writer.WriteAttributeString("xmlns", prefix, null, ns);
    }
}
