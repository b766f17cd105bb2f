using System.Xml.Linq;
using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Reads an embedded instance value: a nested instance element (DSP0230), or text holding CIM-XML
/// (<c>&lt;INSTANCE CLASSNAME=…&gt;</c>, as Hyper-V clients send) or MOF (<c>instance of X { … };</c>).
/// The instance's class must be the declared EmbeddedInstance class or a subclass. Results are frozen.
/// </summary>
internal static class EmbeddedInstanceReader
{
    public static CimInstance Read(CimValueXmlReader values, XElement element, string? declaredClass, string what, int depth)
    {
        CheckDepth(what, depth);
        XElement? nested = null;
        foreach (var child in element.Elements())
        {
            if (nested is not null)
                throw RepresentationFaults.InvalidValues($"{what} holds more than one element; an embedded instance is one instance element");
            nested = child;
        }

        return nested is null ? FromText(values, element.Value, declaredClass, what, depth) : FromElement(values, nested, declaredClass, what, depth);
    }

    /// <summary>A nested DSP0230 instance element; its class comes from its namespace (class URI), else its local name.</summary>
    public static CimInstance FromElement(CimValueXmlReader values, XElement element, string? declaredClass, string what, int depth)
    {
        CheckDepth(what, depth);
        var name = ResourceUriMap.ClassNameOf(element.Name.NamespaceName) ?? element.Name.LocalName;
        var cimClass = values.ClassLookup(name)
            ?? throw RepresentationFaults.InvalidValues($"{what}: embedded instance of class {name}, which does not exist");
        return Checked(InstanceElementReader.Read(values, element, cimClass, null, null, null, depth), declaredClass, what);
    }

    /// <summary>CIM-XML (text starting with '&lt;') or MOF text.</summary>
    public static CimInstance FromText(CimValueXmlReader values, string text, string? declaredClass, string what, int depth)
    {
        CheckDepth(what, depth);
        var t = text.Trim();
        if (t.Length == 0)
            throw RepresentationFaults.InvalidValues($"{what} is empty; an embedded instance (instance element, CIM-XML or MOF) is needed");
        var instance = t[0] == '<'
            ? CimXmlInstanceParser.Parse(values, t, what, depth)
            : MofInstanceTextParser.Parse(values, t, what, depth);
        return Checked(instance, declaredClass, what);
    }

    public static CimInstance Checked(CimInstance instance, string? declaredClass, string what)
    {
        if (declaredClass is not null && !instance.Class.IsSubclassOf(declaredClass))
            throw RepresentationFaults.InvalidValues($"{what}: embedded instance of {instance.ClassName} is not a {declaredClass}");
        return instance.Freeze();
    }

    private static void CheckDepth(string what, int depth)
    {
        if (depth > WsCimXml.MaxNesting)
            throw RepresentationFaults.InvalidValues($"{what}: embedded instances nest deeper than {WsCimXml.MaxNesting} levels");
    }
}
