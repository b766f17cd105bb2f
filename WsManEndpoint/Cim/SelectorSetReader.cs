using System.Xml.Linq;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>Reads a <c>wsman:SelectorSet</c> element into <see cref="Selector"/>s (document order, duplicates kept for the binder to judge).</summary>
public static class SelectorSetReader
{
    /// <summary>
    /// The selectors of <paramref name="selectorSet"/> (none when it is null). A child that is not a
    /// <c>wsman:Selector</c>, or a selector without a Name, is <c>wsman:SchemaValidationError</c>.
    /// </summary>
    public static IReadOnlyList<Selector> Read(XElement? selectorSet)
    {
        if (selectorSet is null)
            return [];
        var result = new List<Selector>();
        foreach (var child in selectorSet.Elements())
        {
            if (child.Name != WsCimXml.Selector)
                throw WsManFaults.SchemaValidationError($"wsman:SelectorSet may hold only wsman:Selector elements, not {child.Name}");
            var name = child.Attribute("Name")?.Value.Trim();
            if (string.IsNullOrEmpty(name))
                throw WsManFaults.SchemaValidationError("a wsman:Selector has no Name attribute");
            var epr = child.Element(WsCimXml.EndpointReference);
            result.Add(epr is null ? new Selector(name, child.Value.Trim()) : new Selector(name, null, epr));
        }

        return result;
    }
}
