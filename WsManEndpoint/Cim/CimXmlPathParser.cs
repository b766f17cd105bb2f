using CimCloud.Cimom.Model;
using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Reads a DSP0201 <c>VALUE.REFERENCE</c> (INSTANCEPATH, LOCALINSTANCEPATH, INSTANCENAME or a class path) into an
/// object path. Keys are typed by the named class when it is known, else by KEYVALUE's TYPE/VALUETYPE.
/// </summary>
internal static class CimXmlPathParser
{
    public static CimObjectPath Parse(CimValueXmlReader values, XElement valueReference, string what, int depth)
    {
        if (depth > WsCimXml.MaxNesting)
            throw RepresentationFaults.InvalidValues($"{what}: references nest deeper than {WsCimXml.MaxNesting} levels");
        var target = valueReference.Elements().FirstOrDefault()
            ?? throw RepresentationFaults.InvalidValues($"{what}: VALUE.REFERENCE is empty");
        switch (target.Name.LocalName)
        {
            case "INSTANCEPATH":
            {
                var nsPath = target.Element("NAMESPACEPATH");
                return InstanceName(values, Required(target, "INSTANCENAME", what), nsPath?.Element("HOST")?.Value.Trim(),
                    Namespace(nsPath?.Element("LOCALNAMESPACEPATH")), what, depth);
            }

            case "LOCALINSTANCEPATH":
                return InstanceName(values, Required(target, "INSTANCENAME", what), null, Namespace(target.Element("LOCALNAMESPACEPATH")), what, depth);
            case "INSTANCENAME":
                return InstanceName(values, target, null, null, what, depth);
            case "CLASSPATH":
            case "LOCALCLASSPATH":
            {
                var nsPath = target.Element("NAMESPACEPATH");
                var ns = Namespace(target.Element("LOCALNAMESPACEPATH") ?? nsPath?.Element("LOCALNAMESPACEPATH"));
                return new CimObjectPath(nsPath?.Element("HOST")?.Value.Trim(), ns, ClassName(Required(target, "CLASSNAME", what), "NAME", what));
            }

            case "CLASSNAME":
                return new CimObjectPath(null, ClassName(target, "NAME", what));
            default:
                throw RepresentationFaults.InvalidValues($"{what}: unexpected CIM-XML element {target.Name.LocalName} in VALUE.REFERENCE");
        }
    }

    private static CimObjectPath InstanceName(CimValueXmlReader values, XElement element, string? host, string? ns, string what, int depth)
    {
        var className = ClassName(element, "CLASSNAME", what);
        var cimClass = values.ClassLookup(className);
        var keys = new List<CimKeyBinding>();
        foreach (var child in element.Elements())
        {
            var (name, valueElement) = child.Name.LocalName == "KEYBINDING"
                ? (child.Attribute("NAME")?.Value.Trim() ?? string.Empty, child.Elements().FirstOrDefault())
                : (SingleKeyName(cimClass, what), child);
            if (valueElement is null)
                throw RepresentationFaults.InvalidValues($"{what}: key binding {name} has no value");
            var key = cimClass?.Properties.Find(name);
            if (cimClass is not null && key is null)
                throw RepresentationFaults.InvalidValues($"{what}: class {cimClass.Name} has no key {name}");
            var value = KeyValue(values, valueElement, key, what, depth);
            keys.Add(new CimKeyBinding(key?.Name ?? name, value, key?.CimType ?? TypeOf(value)));
        }

        return new CimObjectPath(host, ns, cimClass?.Name ?? className, keys);
    }

    private static object KeyValue(CimValueXmlReader values, XElement element, CimProperty? key, string what, int depth)
    {
        if (element.Name.LocalName == "VALUE.REFERENCE")
            return Parse(values, element, what, depth + 1);
        if (element.Name.LocalName != "KEYVALUE")
            throw RepresentationFaults.InvalidValues($"{what}: unexpected CIM-XML element {element.Name.LocalName} in a key binding");
        var text = element.Value;
        if (key is not null)
            return values.FromText(text, key.DataType, what, depth);
        if (element.Attribute("TYPE")?.Value is { } typeName && CimTypeInfo.TryParseMofName(typeName, out var type))
            return values.FromText(text, CimDataType.Scalar(type), what, depth);
        return element.Attribute("VALUETYPE")?.Value switch
        {
            "boolean" => values.FromText(text, CimDataType.Scalar(CimType.Boolean), what, depth),
            "numeric" => Numeric(values, text, what, depth),
            _ => text,
        };
    }

    private static object Numeric(CimValueXmlReader values, string text, string what, int depth)
    {
        foreach (var type in (ReadOnlySpan<CimType>)[CimType.SInt64, CimType.UInt64])
        {
            try
            {
                return CimValueConverter.FromText(text, CimDataType.Scalar(type))!;
            }
            catch (CimException)
            {
                // not this type; try the next
            }
        }

        return values.FromText(text, CimDataType.Scalar(CimType.Real64), what, depth);
    }

    private static CimType TypeOf(object value) => value switch
    {
        bool => CimType.Boolean,
        long => CimType.SInt64,
        ulong => CimType.UInt64,
        double => CimType.Real64,
        CimObjectPath => CimType.Reference,
        CimDateTime => CimType.DateTime,
        _ => CimType.String,
    };

    private static string SingleKeyName(CimClass? cimClass, string what) =>
        cimClass is { KeyProperties.Count: 1 }
            ? cimClass.KeyProperties[0].Name
            : throw RepresentationFaults.InvalidValues($"{what}: an INSTANCENAME without KEYBINDING needs a class with exactly one key");

    private static string? Namespace(XElement? localNamespacePath)
    {
        if (localNamespacePath is null)
            return null;
        var parts = localNamespacePath.Elements("NAMESPACE").Select(n => n.Attribute("NAME")?.Value.Trim()).Where(n => !string.IsNullOrEmpty(n));
        var ns = string.Join('/', parts);
        return ns.Length == 0 ? null : ns;
    }

    private static XElement Required(XElement parent, string name, string what) =>
        parent.Element(name) ?? throw RepresentationFaults.InvalidValues($"{what}: CIM-XML {parent.Name.LocalName} has no {name}");

    private static string ClassName(XElement element, string attribute, string what)
    {
        var name = element.Attribute(attribute)?.Value.Trim();
        return !string.IsNullOrEmpty(name) && ResourceUriMap.IsClassName(name)
            ? name
            : throw RepresentationFaults.InvalidValues($"{what}: CIM-XML {element.Name.LocalName} has no valid {attribute}");
    }
}
