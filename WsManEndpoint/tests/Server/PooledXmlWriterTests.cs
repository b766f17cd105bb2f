using System.Xml;
using System.Xml.Linq;
using CimCloud.WsManEndpoint.Soap;
using FluentAssertions;
using Xunit;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>The response writer: namespace scoping, escaping, character checks, reuse — checked by parsing what it wrote.</summary>
public sealed class PooledXmlWriterTests
{
    private static string Write(Action<XmlWriter> write)
    {
        var writer = PooledXmlWriter.Rent();
        try
        {
            write(writer);
            return writer.ToString();
        }
        finally
        {
            PooledXmlWriter.Return(writer);
        }
    }

    [Fact]
    public void Prefixed_elements_declare_their_namespace_once()
    {
        var xml = Write(w =>
        {
            w.WriteStartElement("a", "Root", "urn:a");
            w.WriteStartElement("a", "Child", "urn:a");
            w.WriteString("x");
            w.WriteEndElement();
            w.WriteStartElement("b", "Other", "urn:b");
            w.WriteEndElement();
            w.WriteEndElement();
        });
        xml.Should().Be("<a:Root xmlns:a=\"urn:a\"><a:Child>x</a:Child><b:Other xmlns:b=\"urn:b\"/></a:Root>");
    }

    [Fact]
    public void A_prefix_rebound_in_a_child_goes_back_after_it()
    {
        var xml = Write(w =>
        {
            w.WriteStartElement("p", "Root", "urn:one");
            w.WriteStartElement("p", "Inner", "urn:two");
            w.WriteEndElement();
            w.WriteStartElement("p", "Again", "urn:one");
            w.WriteEndElement();
            w.WriteEndElement();
        });
        var root = XElement.Parse(xml);
        root.Elements().Select(e => e.Name.NamespaceName).Should().Equal("urn:two", "urn:one");
        xml.Should().Contain("<p:Again/>");
    }

    [Fact]
    public void Explicit_declarations_already_in_effect_are_not_repeated()
    {
        var xml = Write(w =>
        {
            w.WriteStartElement("s", "Envelope", "urn:s");
            w.WriteAttributeString("xmlns", "x", null, "urn:x");
            w.WriteStartElement("x", "Item", "urn:x");
            w.WriteAttributeString("xmlns", "x", null, "urn:x");
            w.WriteEndElement();
            w.WriteEndElement();
        });
        xml.Should().Be("<s:Envelope xmlns:s=\"urn:s\" xmlns:x=\"urn:x\"><x:Item/></s:Envelope>");
    }

    [Fact]
    public void Conflicting_declarations_on_one_element_are_refused()
    {
        var act = () => Write(w =>
        {
            w.WriteStartElement("p", "Root", "urn:one");
            w.WriteAttributeString("xmlns", "p", null, "urn:two");
        });
        act.Should().Throw<XmlException>();
    }

    [Fact]
    public void Attributes_in_a_namespace_get_a_bound_prefix()
    {
        var xml = Write(w =>
        {
            w.WriteStartElement("Root");
            w.WriteAttributeString("xsi", "nil", "http://www.w3.org/2001/XMLSchema-instance", "true");
            w.WriteAttributeString(null, "type", "urn:t", "v");
            w.WriteAttributeString("xml", "lang", null, "en-US");
            w.WriteEndElement();
        });
        var root = XElement.Parse(xml);
        root.Attribute(XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance"))!.Value.Should().Be("true");
        root.Attribute(XName.Get("type", "urn:t"))!.Value.Should().Be("v");
        root.Attribute(XNamespace.Xml + "lang")!.Value.Should().Be("en-US");
    }

    [Fact]
    public void Unprefixed_elements_use_the_default_namespace()
    {
        var xml = Write(w =>
        {
            w.WriteStartElement(null, "Root", "urn:d");
            w.WriteStartElement(null, "Child", "urn:d");
            w.WriteEndElement();
            w.WriteStartElement(null, "Plain", string.Empty);
            w.WriteEndElement();
            w.WriteEndElement();
        });
        var root = XElement.Parse(xml);
        root.Name.Should().Be(XName.Get("Root", "urn:d"));
        root.Elements().Select(e => e.Name).Should().Equal(XName.Get("Child", "urn:d"), XName.Get("Plain"));
    }

    [Fact]
    public void Text_and_attributes_are_escaped_and_round_trip()
    {
        const string text = "a < b & c > d \"q\" 'a'\r\n\ttab \U0001F600";
        var xml = Write(w =>
        {
            w.WriteStartElement("R");
            w.WriteAttributeString("v", text);
            w.WriteString(text);
            w.WriteEndElement();
        });
        var root = XElement.Parse(xml, LoadOptions.PreserveWhitespace);
        root.Value.Should().Be(text);
        root.Attribute("v")!.Value.Should().Be(text);
    }

    // Built in code: xunit would turn lone surrogates in attribute data into U+FFFD.
    [Theory]
    [InlineData(0x0001, false)]
    [InlineData(0xFFFE, false)]
    [InlineData(0xD800, true)]
    [InlineData(0xDC00, false)]
    public void Characters_xml_cannot_carry_are_refused(int code, bool before)
    {
        var text = before ? $"{(char)code}x" : $"x{(char)code}";
        var act = () => Write(w =>
        {
            w.WriteStartElement("R");
            w.WriteString(text);
            w.WriteEndElement();
        });
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void XElement_write_to_keeps_its_namespaces()
    {
        var element = XElement.Parse("<c:Cookie xmlns:c=\"urn:c\" xmlns:q=\"urn:q\" q:attr=\"1\"><c:Inner>x</c:Inner><Plain/></c:Cookie>");
        var xml = Write(w =>
        {
            w.WriteStartElement("s", "Header", "urn:s");
            element.WriteTo(w);
            w.WriteEndElement();
        });
        XNode.DeepEquals(XElement.Parse(xml).Elements().Single(), element).Should().BeTrue(xml);
    }

    [Fact]
    public void Assumed_prefixes_are_used_without_declaring_them()
    {
        using var writer = new PooledXmlWriter();
        writer.AssumeInScope("wsa", "urn:wsa");
        writer.WriteStartElement("wsa", "Address", "urn:wsa");
        writer.WriteString("x");
        writer.WriteEndElement();
        writer.ToString().Should().Be("<wsa:Address>x</wsa:Address>");
        writer.LookupPrefix("urn:wsa").Should().Be("wsa");
    }

    [Fact]
    public void Output_can_be_cut_back_to_a_complete_item()
    {
        using var writer = new PooledXmlWriter();
        writer.WriteStartElement("A");
        writer.WriteEndElement();
        var mark = writer.Length;
        writer.WriteStartElement("p", "B", "urn:b");
        writer.WriteEndElement();
        writer.Length = mark;
        writer.WriteStartElement("C");
        writer.WriteEndElement();
        writer.ToString().Should().Be("<A/><C/>");
    }

    [Fact]
    public void A_returned_writer_starts_clean()
    {
        var first = PooledXmlWriter.Rent();
        first.WriteStartElement("p", "Open", "urn:p");
        PooledXmlWriter.Return(first);
        var second = PooledXmlWriter.Rent();
        try
        {
            second.WriteState.Should().Be(WriteState.Start);
            second.WriteStartElement("p", "X", "urn:p");
            second.WriteEndElement();
            second.ToString().Should().Be("<p:X xmlns:p=\"urn:p\"/>");
        }
        finally
        {
            PooledXmlWriter.Return(second);
        }
    }
}
