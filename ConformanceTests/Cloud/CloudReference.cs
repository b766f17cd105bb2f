using System.Xml.Linq;
using CimCloud.ConformanceTests.Serving;

namespace CimCloud.ConformanceTests.Cloud;

/// <summary>An instance reference read from an EPR (a method's REF out-parameter or an EnumerateObjectAndEPR item): class and selectors.</summary>
public sealed record CloudReference(string ClassName, IReadOnlyList<(string Name, string Value)> Keys)
{
    public string Key(string name) => Keys.Single(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Reads <c>wsa:ReferenceParameters</c> (ResourceURI + SelectorSet) under <paramref name="epr"/>; the namespace selector is dropped.</summary>
    public static CloudReference FromEpr(XElement epr)
    {
        var parameters = epr.Descendants(WsManSession.Wsa + "ReferenceParameters").First();
        var uri = parameters.Element(WsManSession.WsMan + "ResourceURI")!.Value.Trim();
        var keys = parameters.Descendants(WsManSession.WsMan + "Selector")
            .Select(s => (s.Attribute("Name")!.Value, s.Value))
            .Where(k => !string.Equals(k.Item1, "__cimnamespace", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return new CloudReference(uri[(uri.LastIndexOf('/') + 1)..], keys);
    }

    /// <summary>The reference of an instance element of a keyed class whose keys are <paramref name="keyNames"/>.</summary>
    public static CloudReference Of(XElement instance, params string[] keyNames) =>
        new(instance.ClassName(), [.. keyNames.Select(k => (k, instance.Property(k) ?? throw new InvalidOperationException($"{instance.ClassName()} has no {k}")))]);

    public string Epr(string elementName) => WsManSession.Epr(elementName, ClassName, CloudClient.Ns, Keys);
}
