using System.Xml.Linq;

namespace CimCloud.ConformanceTests.Serving;

/// <summary>Reading WS-CIM instance elements without caring for their XML namespace.</summary>
public static class WsManItems
{
    /// <summary>The text of property <paramref name="name"/> (the first element when an array), or null.</summary>
    public static string? Property(this XElement instance, string name) =>
        instance.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>Every value of an array property.</summary>
    public static IReadOnlyList<string> Values(this XElement instance, string name) =>
        instance.Elements().Where(e => string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase)).Select(e => e.Value).ToArray();

    /// <summary>The class of an instance element (its local name).</summary>
    public static string ClassName(this XElement instance) => instance.Name.LocalName;
}
