using System.Xml;
using System.Xml.Linq;
using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Reads a DSP0201 CIM-XML <c>INSTANCE</c> (PROPERTY, PROPERTY.ARRAY, PROPERTY.REFERENCE; QUALIFIERs ignored) into an
/// instance of the named class. Values are typed by the class, not by the TYPE attributes.
/// </summary>
internal static class CimXmlInstanceParser
{
    public static CimInstance Parse(CimValueXmlReader values, string text, string what, int depth)
    {
        XElement root;
        try
        {
            root = SafeXml.Parse(text);
        }
        catch (XmlException ex)
        {
            throw RepresentationFaults.InvalidValues($"{what}: the embedded CIM-XML is not well formed: {ex.Message}");
        }

        var instance = root.DescendantsAndSelf("INSTANCE").FirstOrDefault()
            ?? throw RepresentationFaults.InvalidValues($"{what}: the embedded CIM-XML holds no INSTANCE element");
        return ParseElement(values, instance, what, depth);
    }

    public static CimInstance ParseElement(CimValueXmlReader values, XElement element, string what, int depth)
    {
        var className = element.Attribute("CLASSNAME")?.Value.Trim();
        if (string.IsNullOrEmpty(className))
            throw RepresentationFaults.InvalidValues($"{what}: the CIM-XML INSTANCE has no CLASSNAME");
        var cimClass = values.ClassLookup(className)
            ?? throw RepresentationFaults.InvalidValues($"{what}: embedded instance of class {className}, which does not exist");
        var instance = new CimInstance(cimClass);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in element.Elements())
        {
            var kind = child.Name.LocalName;
            if (kind == "QUALIFIER")
                continue;
            if (kind is not ("PROPERTY" or "PROPERTY.ARRAY" or "PROPERTY.REFERENCE"))
                throw RepresentationFaults.InvalidValues($"{what}: unexpected CIM-XML element {kind} in INSTANCE");
            var name = child.Attribute("NAME")?.Value.Trim() ?? string.Empty;
            var property = cimClass.Properties.Find(name)
                ?? throw RepresentationFaults.InvalidValues($"{what}: class {cimClass.Name} has no property '{name}'");
            if (!seen.Add(property.Name))
                throw RepresentationFaults.InvalidValues($"{what}: property {property.Name} is given twice");
            var propertyWhat = $"{what}: property {cimClass.Name}.{property.Name}";
            instance.SetValue(property.Ordinal, ReadProperty(values, child, property, propertyWhat, depth));
        }

        return instance;
    }

    private static object? ReadProperty(CimValueXmlReader values, XElement element, CimProperty property, string what, int depth)
    {
        switch (element.Name.LocalName)
        {
            case "PROPERTY.REFERENCE":
                if (property.CimType != CimType.Reference || property.IsArray)
                    throw RepresentationFaults.InvalidValues($"{what} is a {property.DataType}, not a reference");
                return element.Element("VALUE.REFERENCE") is { } reference ? Reference(values, reference, property, what, depth) : null;
            case "PROPERTY.ARRAY":
                if (!property.IsArray)
                    throw RepresentationFaults.InvalidValues($"{what} is not an array");
                if (element.Element("VALUE.ARRAY") is not { } array)
                    return null;
                var items = new List<object?>();
                foreach (var v in array.Elements())
                {
                    items.Add(v.Name.LocalName switch
                    {
                        "VALUE.NULL" => null,
                        "VALUE" => Scalar(values, v, property.DataType.ElementType, what, depth),
                        "VALUE.REFERENCE" when property.CimType == CimType.Reference => Reference(values, v, property, what, depth),
                        _ => throw RepresentationFaults.InvalidValues($"{what}: unexpected CIM-XML element {v.Name.LocalName} in VALUE.ARRAY"),
                    });
                }

                return CimValueXmlReader.Convert(items, property.DataType, what);
            default:
                if (property.IsArray)
                    throw RepresentationFaults.InvalidValues($"{what} is an array; CIM-XML needs PROPERTY.ARRAY");
                return element.Element("VALUE") is { } value ? Scalar(values, value, property.DataType, what, depth) : null;
        }
    }

    private static object Scalar(CimValueXmlReader values, XElement value, CimDataType type, string what, int depth)
    {
        if (type.Type == CimType.Instance && value.Element("INSTANCE") is { } nested)
            return EmbeddedInstanceReader.Checked(ParseElement(values, nested, what, depth + 1), type.ClassName, what);
        return values.FromText(value.Value, type, what, depth);
    }

    private static CimObjectPath Reference(CimValueXmlReader values, XElement reference, CimProperty property, string what, int depth) =>
        values.CheckClass(CimXmlPathParser.Parse(values, reference, what, depth), property.ReferenceClassName, what);
}
