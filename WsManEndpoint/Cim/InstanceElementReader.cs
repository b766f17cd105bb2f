using System.Xml.Linq;
using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>Reads one instance element for a known class: namespace check, property elements grouped by name, values.</summary>
internal static class InstanceElementReader
{
    public static CimInstance Read(CimValueXmlReader values, XElement element, CimClass cimClass, string? @namespace, string? resourceUri,
        ICollection<string>? presentProperties, int depth)
    {
        var elementNs = element.Name.Namespace;
        if (!ClassNamespaceMatcher.Accepts(elementNs.NamespaceName, cimClass, resourceUri))
        {
            throw RepresentationFaults.InvalidNamespace(
                $"element {element.Name.LocalName} is in namespace '{elementNs.NamespaceName}', not {ClassXmlInfo.For(cimClass).Namespace} (class {cimClass.Name})");
        }

        var groups = new Dictionary<int, List<XElement>>();
        foreach (var child in element.Elements())
        {
            var ns = child.Name.Namespace;
            if (ns != elementNs && ns != XNamespace.None && !ClassNamespaceMatcher.Accepts(ns.NamespaceName, cimClass, resourceUri))
            {
                throw RepresentationFaults.InvalidNamespace(
                    $"property element {child.Name.LocalName} is in namespace '{ns.NamespaceName}', not that of class {cimClass.Name}");
            }

            var ordinal = cimClass.Properties.IndexOf(child.Name.LocalName);
            if (ordinal < 0)
                throw RepresentationFaults.InvalidValues($"class {cimClass.Name} has no property {child.Name.LocalName}");
            if (!groups.TryGetValue(ordinal, out var list))
                groups[ordinal] = list = [];
            list.Add(child);
        }

        var instance = new CimInstance(cimClass, @namespace);
        foreach (var (ordinal, list) in groups)
        {
            var property = cimClass.Properties[ordinal];
            instance.SetValue(ordinal, values.ReadValue(list, property.DataType, $"property {cimClass.Name}.{property.Name}", depth));
            presentProperties?.Add(property.Name);
        }

        return instance;
    }
}
