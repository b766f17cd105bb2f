using System.Text;
using System.Xml;
using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Faults;
using FluentAssertions;

namespace CimCloud.WsManEndpoint.Tests.Cim;

/// <summary>Writing to strings, parsing back, comparing instances and checking faults.</summary>
internal static class XmlTestSupport
{
    public static string Write(Action<XmlWriter> write)
    {
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment }))
            write(writer);
        return sb.ToString();
    }

    /// <summary>Writes inside a wrapper element (as a SOAP body would hold it) and returns the wrapper's first child.</summary>
    public static XElement WriteElement(Action<XmlWriter> write)
    {
        var xml = Write(w =>
        {
            w.WriteStartElement("Body");
            write(w);
            w.WriteEndElement();
        });
        return XElement.Parse(xml, LoadOptions.PreserveWhitespace).Elements().Single();
    }

    public static WsManFault Fault(Action action)
    {
        var thrown = action.Should().Throw<WsManFault>().Which;
        return thrown;
    }

    public static void ShouldBeFault(this WsManFault fault, string subcode, string? detail)
    {
        fault.Subcode!.LocalName.Should().Be(subcode, fault.Message);
        fault.Detail.Should().Be(detail, fault.Message);
    }

    /// <summary>Same class and, property by property, equal values (embedded instances compared the same way).</summary>
    public static void ShouldEqualInstance(this CimInstance actual, CimInstance expected)
    {
        actual.ClassName.Should().Be(expected.ClassName);
        foreach (var (property, value) in expected.Properties)
            ValuesEqual(actual.GetValue(property.Name), value).Should().BeTrue($"property {property.Name}: {Describe(actual.GetValue(property.Name))} vs {Describe(value)}");
    }

    private static bool ValuesEqual(object? a, object? b)
    {
        if (a is CimInstance ia && b is CimInstance ib)
        {
            return string.Equals(ia.ClassName, ib.ClassName, StringComparison.Ordinal) &&
                   ib.Properties.All(p => ValuesEqual(ia.GetValue(p.Property.Name), p.Value));
        }

        if (a is CimInstance[] aa && b is CimInstance[] ab)
            return aa.Length == ab.Length && aa.Zip(ab).All(t => ValuesEqual(t.First, t.Second));
        return CimValueComparer.Instance.Equals(a, b);
    }

    private static string Describe(object? v) => v switch
    {
        null => "null",
        Array a => "{" + string.Join(", ", a.Cast<object?>().Select(Describe)) + "}",
        _ => $"{v} ({v.GetType().Name})",
    };
}
