using System.Xml;
using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Writes <c>&lt;wsman:XmlFragment&gt;</c> for a fragment Get or Put response (spec digest §7.4): the selected property
/// elements in the instance class's namespace, or with <c>text()</c> just the text value (a datetime's xs: text).
/// A selection of nothing — unknown property, index past the end — is InvalidFragment.
/// </summary>
public static class FragmentXmlWriter
{
    public static void Write(XmlWriter writer, CimInstance instance, FragmentPath path, InstanceWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(path);
        options ??= InstanceWriteOptions.Default;
        var property = path.Resolve(instance.Class);
        var value = instance.GetValue(property.Ordinal);
        var (selected, item) = Select(property, value, path);

        writer.WriteStartElement(writer.LookupPrefix(WsCimXml.WsManNamespace) ?? "wsman", "XmlFragment", WsCimXml.WsManNamespace);
        var ns = ClassXmlInfo.For(instance.Class).Namespace;
        var prefix = WsCimXml.ClassPrefix(0);
        if (path.IsText)
        {
            if (item is not null)
                writer.WriteString(Text(property, item, path));
        }
        else if (selected)
        {
            CimValueXmlWriter.WriteElement(writer, prefix, ns, property.Name, property.CimType, item, options, depth: 0);
        }
        else
        {
            CimValueXmlWriter.WriteProperty(writer, prefix, ns, property.Name, property.DataType, value, options, depth: 0);
        }

        writer.WriteEndElement();
    }

    // (true, entry) when the path selects one entry (or the scalar); (false, null) for a whole array.
    private static (bool Selected, object? Item) Select(CimProperty property, object? value, FragmentPath path)
    {
        if (!property.IsArray)
        {
            if (path.Index is > 1)
                throw RepresentationFaults.InvalidFragment($"fragment {path} selects nothing: {property.Name} is not an array");
            return (true, value);
        }

        if (path.Index is not { } n)
        {
            if (path.IsText)
                throw RepresentationFaults.InvalidFragment($"fragment {path}: text() of array {property.Name} needs an index, as in {property.Name}[1]/text()");
            return (false, null);
        }

        var array = value as Array;
        if (array is null || n > array.Length)
            throw RepresentationFaults.InvalidFragment($"fragment {path} selects nothing: {property.Name} has {array?.Length ?? 0} entries");
        return (true, array.GetValue(n - 1));
    }

    private static string Text(CimProperty property, object item, FragmentPath path) => property.CimType switch
    {
        CimType.DateTime => CimDateTimeXml.Format((CimDateTime)item).Text,
        CimType.Reference or CimType.Instance => throw RepresentationFaults.InvalidFragment(
            $"fragment {path}: {property.Name} holds {(property.CimType == CimType.Reference ? "an endpoint reference" : "an instance")}, not text"),
        _ => CimValueConverter.ToText(item),
    };
}
