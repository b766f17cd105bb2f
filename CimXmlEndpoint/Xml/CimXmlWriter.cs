using System.Text;
using System.Xml;
using CimCloud.Cimom.Model;

namespace CimCloud.CimXmlEndpoint.Xml;

/// <summary>
/// Writes DSP0201 elements for the CIM model through an <see cref="XmlWriter"/>: CLASS, INSTANCE, INSTANCENAME,
/// INSTANCEPATH, KEYBINDING, VALUE.*, QUALIFIER, QUALIFIER.DECLARATION. Embedded instances are written as escaped
/// CIM-XML in a VALUE with <c>EmbeddedObject="instance"</c>.
/// </summary>
internal sealed class CimXmlWriter(XmlWriter xml, string host)
{
    public XmlWriter Xml => xml;

    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        OmitXmlDeclaration = false,
        CloseOutput = false,
        NewLineHandling = NewLineHandling.Entitize,
    };

    public void Start(string name) => xml.WriteStartElement(name);

    public void End() => xml.WriteFullEndElement();

    public void Attribute(string name, string value) => xml.WriteAttributeString(name, value);

    public void WriteClass(CimClass cimClass)
    {
        xml.WriteStartElement("CLASS");
        xml.WriteAttributeString("NAME", cimClass.Name);
        if (cimClass.SuperClassName is { } super)
            xml.WriteAttributeString("SUPERCLASS", super);
        foreach (var q in cimClass.Qualifiers)
            WriteQualifier(q);
        foreach (var p in cimClass.Properties)
            WriteProperty(p, p.DefaultValue, includeQualifiers: true, includeClassOrigin: true);
        foreach (var m in cimClass.Methods)
            WriteMethod(m);
        xml.WriteFullEndElement();
    }

    private void WriteMethod(CimMethod method)
    {
        xml.WriteStartElement("METHOD");
        xml.WriteAttributeString("NAME", method.Name);
        xml.WriteAttributeString("TYPE", TypeName(method.ReturnType));
        if (method.ClassOrigin.Length > 0)
            xml.WriteAttributeString("CLASSORIGIN", method.ClassOrigin);
        if (method.IsPropagated)
            xml.WriteAttributeString("PROPAGATED", "true");
        foreach (var q in method.Qualifiers)
            WriteQualifier(q);
        foreach (var p in method.Parameters)
        {
            var t = p.DataType;
            var element = t.IsReference ? (t.IsArray ? "PARAMETER.REFARRAY" : "PARAMETER.REFERENCE") : (t.IsArray ? "PARAMETER.ARRAY" : "PARAMETER");
            xml.WriteStartElement(element);
            xml.WriteAttributeString("NAME", p.Name);
            if (t.IsReference)
            {
                if (t.ClassName is { } rc)
                    xml.WriteAttributeString("REFERENCECLASS", rc);
            }
            else
            {
                xml.WriteAttributeString("TYPE", TypeName(t.Type));
            }

            if (t.IsArray && t.ArraySize is { } size)
                xml.WriteAttributeString("ARRAYSIZE", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var q in p.Qualifiers)
                WriteQualifier(q);
            xml.WriteFullEndElement();
        }

        xml.WriteFullEndElement();
    }

    public void WriteInstance(CimInstance instance, bool includeQualifiers, bool includeClassOrigin)
    {
        xml.WriteStartElement("INSTANCE");
        xml.WriteAttributeString("CLASSNAME", instance.ClassName);
        if (includeQualifiers)
        {
            foreach (var q in instance.Class.Qualifiers)
                WriteQualifier(q);
        }

        foreach (var (property, value) in instance.Properties)
            WriteProperty(property, value, includeQualifiers, includeClassOrigin);
        xml.WriteFullEndElement();
    }

    private void WriteProperty(CimProperty property, object? value, bool includeQualifiers, bool includeClassOrigin)
    {
        var t = property.DataType;
        var element = t.IsReference ? "PROPERTY.REFERENCE" : t.IsArray ? "PROPERTY.ARRAY" : "PROPERTY";
        xml.WriteStartElement(element);
        xml.WriteAttributeString("NAME", property.Name);
        if (t.IsReference)
        {
            if (t.ClassName is { } rc)
                xml.WriteAttributeString("REFERENCECLASS", rc);
        }
        else
        {
            xml.WriteAttributeString("TYPE", TypeName(t.Type));
        }

        if (t.IsArray && t.ArraySize is { } size)
            xml.WriteAttributeString("ARRAYSIZE", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (includeClassOrigin && property.ClassOrigin.Length > 0)
            xml.WriteAttributeString("CLASSORIGIN", property.ClassOrigin);
        if (property.IsPropagated)
            xml.WriteAttributeString("PROPAGATED", "true");
        if (t.Type == CimType.Instance)
            xml.WriteAttributeString("EmbeddedObject", "instance");
        if (includeQualifiers)
        {
            foreach (var q in property.Qualifiers)
                WriteQualifier(q);
        }

        if (value is not null)
            WriteValue(value, t);
        xml.WriteFullEndElement();
    }

    /// <summary>VALUE, VALUE.ARRAY, VALUE.REFERENCE or VALUE.REFARRAY for a non-null value.</summary>
    public void WriteValue(object value, CimDataType type)
    {
        if (type.IsArray && value is System.Collections.IEnumerable items and not string)
        {
            xml.WriteStartElement(type.IsReference ? "VALUE.REFARRAY" : "VALUE.ARRAY");
            foreach (var item in items)
            {
                if (item is null)
                    xml.WriteElementString("VALUE.NULL", null);
                else if (type.IsReference)
                    WriteValueReference((CimObjectPath)item);
                else
                    xml.WriteElementString("VALUE", ScalarText(item));
            }

            xml.WriteFullEndElement();
            return;
        }

        if (value is CimObjectPath path)
            WriteValueReference(path);
        else
            xml.WriteElementString("VALUE", ScalarText(value));
    }

    public void WriteValueReference(CimObjectPath path)
    {
        xml.WriteStartElement("VALUE.REFERENCE");
        WriteAnyPath(path);
        xml.WriteFullEndElement();
    }

    /// <summary>INSTANCEPATH when the path has a namespace (host: the path's or this server's), else INSTANCENAME; classes likewise.</summary>
    private void WriteAnyPath(CimObjectPath path)
    {
        if (path.IsClassPath)
        {
            if (path.Namespace is null)
            {
                xml.WriteStartElement("CLASSNAME");
                xml.WriteAttributeString("NAME", path.ClassName);
                xml.WriteFullEndElement();
                return;
            }

            xml.WriteStartElement("CLASSPATH");
            WriteNamespacePath(path.Host ?? host, path.Namespace);
            xml.WriteStartElement("CLASSNAME");
            xml.WriteAttributeString("NAME", path.ClassName);
            xml.WriteFullEndElement();
            xml.WriteFullEndElement();
            return;
        }

        if (path.Namespace is null)
            WriteInstanceName(path);
        else
            WriteInstancePath(path);
    }

    public void WriteInstancePath(CimObjectPath path)
    {
        xml.WriteStartElement("INSTANCEPATH");
        WriteNamespacePath(path.Host ?? host, path.Namespace ?? string.Empty);
        WriteInstanceName(path);
        xml.WriteFullEndElement();
    }

    private void WriteNamespacePath(string hostName, string @namespace)
    {
        xml.WriteStartElement("NAMESPACEPATH");
        xml.WriteElementString("HOST", hostName);
        WriteLocalNamespacePath(@namespace);
        xml.WriteFullEndElement();
    }

    public void WriteLocalNamespacePath(string @namespace)
    {
        xml.WriteStartElement("LOCALNAMESPACEPATH");
        foreach (var part in @namespace.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            xml.WriteStartElement("NAMESPACE");
            xml.WriteAttributeString("NAME", part);
            xml.WriteEndElement();
        }

        xml.WriteFullEndElement();
    }

    public void WriteInstanceName(CimObjectPath path)
    {
        xml.WriteStartElement("INSTANCENAME");
        xml.WriteAttributeString("CLASSNAME", path.ClassName);
        foreach (var key in path.KeyBindings)
        {
            xml.WriteStartElement("KEYBINDING");
            xml.WriteAttributeString("NAME", key.Name);
            if (key.Value is CimObjectPath reference)
            {
                WriteValueReference(reference);
            }
            else
            {
                xml.WriteStartElement("KEYVALUE");
                xml.WriteAttributeString("VALUETYPE", key.Value switch
                {
                    bool => "boolean",
                    byte or sbyte or ushort or short or uint or int or ulong or long or float or double => "numeric",
                    _ => "string",
                });
                xml.WriteString(ScalarText(key.Value));
                xml.WriteFullEndElement();
            }

            xml.WriteFullEndElement();
        }

        xml.WriteFullEndElement();
    }

    public void WriteClassName(string name)
    {
        xml.WriteStartElement("CLASSNAME");
        xml.WriteAttributeString("NAME", name);
        xml.WriteEndElement();
    }

    public void WriteQualifier(CimQualifier qualifier)
    {
        xml.WriteStartElement("QUALIFIER");
        xml.WriteAttributeString("NAME", qualifier.Name);
        xml.WriteAttributeString("TYPE", TypeName(qualifier.Type.Type));
        if (qualifier.IsPropagated)
            xml.WriteAttributeString("PROPAGATED", "true");
        WriteFlavor(qualifier.Flavor);
        if (qualifier.Value is not null)
            WriteValue(qualifier.Value, qualifier.Type);
        xml.WriteFullEndElement();
    }

    public void WriteQualifierDeclaration(CimQualifierDeclaration declaration)
    {
        xml.WriteStartElement("QUALIFIER.DECLARATION");
        xml.WriteAttributeString("NAME", declaration.Name);
        xml.WriteAttributeString("TYPE", TypeName(declaration.Type.Type));
        if (declaration.Type.IsArray)
        {
            xml.WriteAttributeString("ISARRAY", "true");
            if (declaration.Type.ArraySize is { } size)
                xml.WriteAttributeString("ARRAYSIZE", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        WriteFlavor(declaration.Flavor);
        xml.WriteStartElement("SCOPE");
        foreach (var (attribute, flag) in new[]
                 {
                     ("CLASS", CimScope.Class), ("ASSOCIATION", CimScope.Association), ("REFERENCE", CimScope.Reference),
                     ("PROPERTY", CimScope.Property), ("METHOD", CimScope.Method), ("PARAMETER", CimScope.Parameter),
                     ("INDICATION", CimScope.Indication),
                 })
        {
            xml.WriteAttributeString(attribute, (declaration.Scope & flag) != 0 ? "true" : "false");
        }

        xml.WriteFullEndElement();
        if (declaration.DefaultValue is not null)
            WriteValue(declaration.DefaultValue, declaration.Type);
        xml.WriteFullEndElement();
    }

    private void WriteFlavor(CimFlavor flavor)
    {
        if ((flavor & CimFlavor.DisableOverride) != 0)
            xml.WriteAttributeString("OVERRIDABLE", "false");
        if ((flavor & CimFlavor.Restricted) != 0)
            xml.WriteAttributeString("TOSUBCLASS", "false");
        if ((flavor & CimFlavor.Translatable) != 0)
            xml.WriteAttributeString("TRANSLATABLE", "true");
    }

    public static string TypeName(CimType type) => type switch
    {
        CimType.Reference => "reference",
        CimType.Instance => "string",
        _ => CimTypeInfo.ToMofName(type),
    };

    public string ScalarText(object value) => value switch
    {
        bool b => b ? "TRUE" : "FALSE",
        CimInstance embedded => EmbeddedText(embedded),
        _ => CimValueConverter.ToText(value),
    };

    private string EmbeddedText(CimInstance instance)
    {
        var sb = new StringBuilder();
        using (var inner = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment }))
            new CimXmlWriter(inner, host).WriteInstance(instance, includeQualifiers: false, includeClassOrigin: false);
        return sb.ToString();
    }
}
