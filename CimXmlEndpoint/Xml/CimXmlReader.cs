using System.Globalization;
using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Schema;

namespace CimCloud.CimXmlEndpoint.Xml;

/// <summary>
/// Decodes DSP0201 elements into the CIM model: paths (INSTANCENAME, KEYBINDING, LOCALINSTANCEPATH, ...), values
/// (VALUE, VALUE.ARRAY, VALUE.REFERENCE, embedded objects as escaped CIM-XML), INSTANCE, CLASS and
/// QUALIFIER.DECLARATION. Malformed content is CIM_ERR_INVALID_PARAMETER naming the element.
/// </summary>
internal static class CimXmlReader
{
    /// <summary>Embedded objects may nest; this bounds how deep.</summary>
    public const int MaxEmbeddedDepth = 32;

    public static string LocalNamespacePath(XElement element)
    {
        var parts = element.Elements("NAMESPACE").Select(n => Attr(n, "NAME")).ToList();
        if (parts.Count == 0)
            throw Invalid("LOCALNAMESPACEPATH has no NAMESPACE element");
        return CimObjectPath.NormalizeNamespace(string.Join('/', parts));
    }

    /// <summary>Any path element: CLASSNAME, INSTANCENAME, (LOCAL)CLASSPATH, (LOCAL)INSTANCEPATH, OBJECTPATH, VALUE.REFERENCE.</summary>
    public static CimObjectPath ObjectPath(XElement element, string? defaultNamespace = null)
    {
        switch (element.Name.LocalName)
        {
            case "VALUE.REFERENCE":
            case "OBJECTPATH":
                return ObjectPath(OnlyChild(element), defaultNamespace);
            case "CLASSNAME":
                return new CimObjectPath(defaultNamespace, Attr(element, "NAME"));
            case "INSTANCENAME":
                return InstanceName(element, defaultNamespace, null);
            case "LOCALCLASSPATH":
                return new CimObjectPath(LocalNamespacePath(Child(element, "LOCALNAMESPACEPATH")), Attr(Child(element, "CLASSNAME"), "NAME"));
            case "LOCALINSTANCEPATH":
                return InstanceName(Child(element, "INSTANCENAME"), LocalNamespacePath(Child(element, "LOCALNAMESPACEPATH")), null);
            case "CLASSPATH":
            {
                var (host, ns) = NamespacePath(Child(element, "NAMESPACEPATH"));
                return new CimObjectPath(host, ns, Attr(Child(element, "CLASSNAME"), "NAME"));
            }

            case "INSTANCEPATH":
            {
                var (host, ns) = NamespacePath(Child(element, "NAMESPACEPATH"));
                return InstanceName(Child(element, "INSTANCENAME"), ns, host);
            }

            default:
                throw Invalid($"{element.Name.LocalName} is not an object path element");
        }
    }

    public static CimObjectPath InstanceName(XElement element, string? @namespace, string? host)
    {
        var className = Attr(element, "CLASSNAME");
        var keys = new List<CimKeyBinding>();
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "KEYBINDING":
                {
                    var name = Attr(child, "NAME");
                    var value = OnlyChild(child);
                    keys.Add(value.Name.LocalName == "VALUE.REFERENCE"
                        ? new CimKeyBinding(name, ObjectPath(value, @namespace), CimType.Reference)
                        : KeyValue(name, value));
                    break;
                }

                case "KEYVALUE":
                    // Single-key shorthand without a name (DSP0201 allows it); the key is named by the class.
                    keys.Add(KeyValue(string.Empty, child));
                    break;
                case "VALUE.REFERENCE":
                    keys.Add(new CimKeyBinding(string.Empty, ObjectPath(child, @namespace), CimType.Reference));
                    break;
                default:
                    throw Invalid($"INSTANCENAME holds an unexpected element {child.Name.LocalName}");
            }
        }

        if (keys.Any(k => k.Name.Length == 0))
            throw new CimException(CimStatusCode.InvalidParameter, $"INSTANCENAME {className}: unnamed key values are not supported; use KEYBINDING NAME=...");
        return new CimObjectPath(host, @namespace, className, keys);
    }

    private static CimKeyBinding KeyValue(string name, XElement keyValue)
    {
        if (keyValue.Name.LocalName != "KEYVALUE")
            throw Invalid($"KEYBINDING {name} holds {keyValue.Name.LocalName}; expected KEYVALUE or VALUE.REFERENCE");
        var text = keyValue.Value;
        if (keyValue.Attribute("TYPE")?.Value is { } typeName)
        {
            if (!CimTypeInfo.TryParseMofName(typeName, out var type))
                throw Invalid($"KEYVALUE TYPE {typeName} is not a CIM type");
            return new CimKeyBinding(name, CimValueConverter.FromText(text, CimDataType.Scalar(type))!, type);
        }

        switch (keyValue.Attribute("VALUETYPE")?.Value ?? "string")
        {
            case "string":
                return new CimKeyBinding(name, text, CimType.String);
            case "boolean":
                return new CimKeyBinding(name, CimValueConverter.FromText(text, CimDataType.Scalar(CimType.Boolean))!, CimType.Boolean);
            case "numeric":
                var t = text.Trim();
                if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                    return new CimKeyBinding(name, l, CimType.SInt64);
                if (ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var u))
                    return new CimKeyBinding(name, u, CimType.UInt64);
                if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                    return new CimKeyBinding(name, d, CimType.Real64);
                throw Invalid($"KEYVALUE {name}: '{text}' is not a number");
            default:
                throw Invalid($"KEYVALUE {name}: VALUETYPE {keyValue.Attribute("VALUETYPE")!.Value} is not string, boolean or numeric");
        }
    }

    private static (string? Host, string Namespace) NamespacePath(XElement element)
    {
        var host = element.Element("HOST")?.Value;
        return (string.IsNullOrWhiteSpace(host) ? null : host.Trim(), LocalNamespacePath(Child(element, "LOCALNAMESPACEPATH")));
    }

    /// <summary>A VALUE, VALUE.ARRAY, VALUE.REFERENCE, VALUE.REFARRAY or VALUE.NULL converted to <paramref name="type"/>.</summary>
    public static object? Value(XElement element, CimDataType type, InstanceContext context)
    {
        switch (element.Name.LocalName)
        {
            case "VALUE.NULL":
                return null;
            case "VALUE":
                if (type.IsArray)
                    throw new CimException(CimStatusCode.TypeMismatch, $"a single VALUE was given for array type {type}");
                return Scalar(element.Value, type.ElementType, context);
            case "VALUE.REFERENCE":
                if (type.IsArray || type.Type != CimType.Reference)
                    throw new CimException(CimStatusCode.TypeMismatch, $"a VALUE.REFERENCE was given for type {type}");
                return ObjectPath(element, context.Namespace);
            case "VALUE.ARRAY":
            case "VALUE.REFARRAY":
                if (!type.IsArray)
                    throw new CimException(CimStatusCode.TypeMismatch, $"an array was given for scalar type {type}");
                var items = new List<object?>();
                foreach (var item in element.Elements())
                {
                    items.Add(item.Name.LocalName switch
                    {
                        "VALUE" => Scalar(item.Value, type.ElementType, context),
                        "VALUE.REFERENCE" => ObjectPath(item, context.Namespace),
                        "VALUE.NULL" => null,
                        _ => throw Invalid($"{element.Name.LocalName} holds an unexpected element {item.Name.LocalName}"),
                    });
                }

                return CimValueConverter.Convert(items, type);
            default:
                throw Invalid($"{element.Name.LocalName} is not a value element");
        }
    }

    private static object? Scalar(string text, CimDataType type, InstanceContext context)
    {
        if (type.Type == CimType.Instance)
            return EmbeddedInstance(text, context);
        return CimValueConverter.FromText(text, type);
    }

    private static CimInstance EmbeddedInstance(string text, InstanceContext context)
    {
        if (context.EmbeddingDepth >= MaxEmbeddedDepth)
            throw Invalid($"embedded objects nest deeper than {MaxEmbeddedDepth} levels");
        var element = SafeXmlLoader.ParseFragment(text, 64);
        if (element.Name.LocalName != "INSTANCE")
            throw Invalid($"an embedded object holds {element.Name.LocalName}; only embedded INSTANCEs are supported");
        return Instance(element, context with { EmbeddingDepth = context.EmbeddingDepth + 1 }, out _);
    }

    /// <summary>
    /// An INSTANCE of a class the context knows. Properties not given keep their defaults; <paramref name="given"/>
    /// names the ones the element carried (ModifyInstance projects to them).
    /// </summary>
    public static CimInstance Instance(XElement element, InstanceContext context, out List<string> given)
    {
        if (element.Name.LocalName != "INSTANCE")
            throw Invalid($"expected INSTANCE, found {element.Name.LocalName}");
        var className = Attr(element, "CLASSNAME");
        var cimClass = context.FindClass(className)
            ?? throw new CimException(CimStatusCode.InvalidClass, $"class {className} does not exist in namespace {context.Namespace}");
        var instance = new CimInstance(cimClass, context.Namespace);
        given = [];
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName == "QUALIFIER")
                continue;
            if (child.Name.LocalName is not ("PROPERTY" or "PROPERTY.ARRAY" or "PROPERTY.REFERENCE"))
                throw Invalid($"INSTANCE {className} holds an unexpected element {child.Name.LocalName}");
            var name = Attr(child, "NAME");
            var ordinal = cimClass.Properties.IndexOf(name);
            if (ordinal < 0)
                throw new CimException(CimStatusCode.InvalidParameter, $"class {cimClass.Name} has no property {name}");
            var property = cimClass.Properties[ordinal];
            var valueElement = child.Elements().FirstOrDefault(e => e.Name.LocalName.StartsWith("VALUE", StringComparison.Ordinal));
            object? value = null;
            if (valueElement is not null)
            {
                try
                {
                    value = Value(valueElement, property.DataType, context);
                }
                catch (CimException e)
                {
                    throw new CimException(e.StatusCode, $"property {cimClass.Name}.{property.Name}: {e.Message}", e);
                }
            }

            instance.SetValue(ordinal, value);
            given.Add(property.Name);
        }

        return instance;
    }

    public static CimClassDeclaration Class(XElement element)
    {
        if (element.Name.LocalName != "CLASS")
            throw Invalid($"expected CLASS, found {element.Name.LocalName}");
        var name = Attr(element, "NAME");
        var superClass = element.Attribute("SUPERCLASS")?.Value;
        var qualifiers = new List<CimQualifier>();
        var properties = new List<CimPropertyDeclaration>();
        var methods = new List<CimMethodDeclaration>();
        foreach (var child in element.Elements())
        {
            if (IsPropagated(child))
                continue;
            switch (child.Name.LocalName)
            {
                case "QUALIFIER":
                    qualifiers.Add(Qualifier(child));
                    break;
                case "PROPERTY":
                case "PROPERTY.ARRAY":
                case "PROPERTY.REFERENCE":
                {
                    var type = PropertyType(child);
                    var valueElement = child.Elements().FirstOrDefault(e => e.Name.LocalName.StartsWith("VALUE", StringComparison.Ordinal));
                    var context = new InstanceContext(string.Empty, _ => null);
                    var value = valueElement is null || type.Type == CimType.Instance ? null : Value(valueElement, type, context);
                    properties.Add(new CimPropertyDeclaration(Attr(child, "NAME"), type, value, Qualifiers(child)));
                    break;
                }

                case "METHOD":
                    methods.Add(Method(child));
                    break;
                default:
                    throw Invalid($"CLASS {name} holds an unexpected element {child.Name.LocalName}");
            }
        }

        return new CimClassDeclaration(name, superClass, qualifiers, properties, methods);
    }

    private static CimMethodDeclaration Method(XElement element)
    {
        var name = Attr(element, "NAME");
        var returnType = element.Attribute("TYPE")?.Value is { } t ? ScalarType(t) : CimType.UInt32;
        var parameters = new List<CimParameter>();
        foreach (var child in element.Elements())
        {
            var parameterType = child.Name.LocalName switch
            {
                "QUALIFIER" => (CimDataType?)null,
                "PARAMETER" => CimDataType.Scalar(ScalarType(Attr(child, "TYPE"))),
                "PARAMETER.ARRAY" => CimDataType.ArrayOf(ScalarType(Attr(child, "TYPE")), ArraySize(child)),
                "PARAMETER.REFERENCE" => CimDataType.ReferenceTo(Attr(child, "REFERENCECLASS")),
                "PARAMETER.REFARRAY" => CimDataType.ReferenceTo(Attr(child, "REFERENCECLASS"), isArray: true),
                _ => throw Invalid($"METHOD {name} holds an unexpected element {child.Name.LocalName}"),
            };
            if (parameterType is { } pt)
                parameters.Add(new CimParameter(Attr(child, "NAME"), pt, new CimQualifierSet(Qualifiers(child))));
        }

        return new CimMethodDeclaration(name, returnType, parameters, Qualifiers(element));
    }

    private static CimDataType PropertyType(XElement element) => element.Name.LocalName switch
    {
        "PROPERTY" => CimDataType.Scalar(ScalarType(Attr(element, "TYPE"))),
        "PROPERTY.ARRAY" => CimDataType.ArrayOf(ScalarType(Attr(element, "TYPE")), ArraySize(element)),
        _ => CimDataType.ReferenceTo(element.Attribute("REFERENCECLASS")?.Value ?? "CIM_ManagedElement"),
    };

    private static List<CimQualifier> Qualifiers(XElement element) =>
        element.Elements("QUALIFIER").Where(q => !IsPropagated(q)).Select(Qualifier).ToList();

    public static CimQualifier Qualifier(XElement element)
    {
        var name = Attr(element, "NAME");
        var type = QualifierType(element);
        var valueElement = element.Elements().FirstOrDefault(e => e.Name.LocalName.StartsWith("VALUE", StringComparison.Ordinal));
        if (valueElement?.Name.LocalName == "VALUE.ARRAY")
            type = type with { IsArray = true };
        var value = valueElement is null ? null : Value(valueElement, type, new InstanceContext(string.Empty, _ => null));
        return new CimQualifier(name, type, value, Flavor(element));
    }

    public static CimQualifierDeclaration QualifierDeclaration(XElement element)
    {
        if (element.Name.LocalName != "QUALIFIER.DECLARATION")
            throw Invalid($"expected QUALIFIER.DECLARATION, found {element.Name.LocalName}");
        var name = Attr(element, "NAME");
        var type = QualifierType(element);
        if (string.Equals(element.Attribute("ISARRAY")?.Value, "true", StringComparison.OrdinalIgnoreCase))
            type = CimDataType.ArrayOf(type.Type, ArraySize(element));
        var scope = CimScope.None;
        if (element.Element("SCOPE") is { } scopeElement)
        {
            foreach (var (attribute, flag) in new[]
                     {
                         ("CLASS", CimScope.Class), ("ASSOCIATION", CimScope.Association), ("REFERENCE", CimScope.Reference),
                         ("PROPERTY", CimScope.Property), ("METHOD", CimScope.Method), ("PARAMETER", CimScope.Parameter),
                         ("INDICATION", CimScope.Indication),
                     })
            {
                if (string.Equals(scopeElement.Attribute(attribute)?.Value, "true", StringComparison.OrdinalIgnoreCase))
                    scope |= flag;
            }
        }

        var valueElement = element.Elements().FirstOrDefault(e => e.Name.LocalName.StartsWith("VALUE", StringComparison.Ordinal));
        var value = valueElement is null ? null : Value(valueElement, type, new InstanceContext(string.Empty, _ => null));
        return new CimQualifierDeclaration(name, type, value, scope, Flavor(element));
    }

    private static CimDataType QualifierType(XElement element)
    {
        var typeName = element.Attribute("TYPE")?.Value ?? "string";
        return CimDataType.Scalar(ScalarType(typeName));
    }

    /// <summary>Only the flavors the element states; absent attributes leave the qualifier declaration's flavor in force.</summary>
    private static CimFlavor Flavor(XElement element)
    {
        var flavor = CimFlavor.None;
        if (element.Attribute("OVERRIDABLE") is not null)
            flavor |= IsFalse(element, "OVERRIDABLE") ? CimFlavor.DisableOverride : CimFlavor.EnableOverride;
        if (element.Attribute("TOSUBCLASS") is not null)
            flavor |= IsFalse(element, "TOSUBCLASS") ? CimFlavor.Restricted : CimFlavor.ToSubclass;
        if (string.Equals(element.Attribute("TRANSLATABLE")?.Value, "true", StringComparison.OrdinalIgnoreCase))
            flavor |= CimFlavor.Translatable;
        return flavor;
    }

    private static bool IsFalse(XElement element, string attribute) =>
        string.Equals(element.Attribute(attribute)?.Value, "false", StringComparison.OrdinalIgnoreCase);

    private static bool IsPropagated(XElement element) =>
        string.Equals(element.Attribute("PROPAGATED")?.Value, "true", StringComparison.OrdinalIgnoreCase);

    private static int? ArraySize(XElement element) =>
        element.Attribute("ARRAYSIZE")?.Value is { } s && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static CimType ScalarType(string typeName)
    {
        if (string.Equals(typeName, "reference", StringComparison.OrdinalIgnoreCase))
            return CimType.Reference;
        return CimTypeInfo.TryParseMofName(typeName, out var type) ? type : throw Invalid($"TYPE {typeName} is not a CIM type");
    }

    public static string Attr(XElement element, string name) =>
        element.Attribute(name)?.Value is { Length: > 0 } value ? value : throw Invalid($"{element.Name.LocalName} has no {name} attribute");

    private static XElement Child(XElement element, string name) =>
        element.Element(name) ?? throw Invalid($"{element.Name.LocalName} has no {name} element");

    private static XElement OnlyChild(XElement element) =>
        element.Elements().FirstOrDefault() ?? throw Invalid($"{element.Name.LocalName} is empty");

    public static CimException Invalid(string message) => new(CimStatusCode.InvalidParameter, message);
}
