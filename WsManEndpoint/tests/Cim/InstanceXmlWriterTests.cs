using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Cim;
using FluentAssertions;
using Xunit;
using static CimCloud.WsManEndpoint.Tests.Cim.XmlTestSupport;

namespace CimCloud.WsManEndpoint.Tests.Cim;

public sealed class InstanceXmlWriterTests
{
    private const string ClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly XNamespace Cim = "http://schemas.dmtf.org/wbem/wscim/1/common";
    private static readonly XNamespace Wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private static readonly XNamespace Wsman = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";

    [Fact]
    public void A_small_instance_is_written_exactly()
    {
        var instance = WsCimTestSchema.System.Clone();
        instance["EnabledState"] = null;

        var xml = Write(w => InstanceXmlWriter.WriteInstance(w, instance));

        xml.Should().Be(
            "<p:Test_System xsi:type=\"p:Test_System_Type\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" " +
            "xmlns:p=\"http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_System\">" +
            "<p:CreationClassName>Test_System</p:CreationClassName>" +
            "<p:EnabledState xsi:nil=\"true\" />" +
            "<p:Name>vm-0042</p:Name>" +
            "</p:Test_System>");
    }

    [Fact]
    public void Properties_come_in_alphabetical_order_all_in_the_instance_class_namespace()
    {
        var element = WriteElement(w => InstanceXmlWriter.WriteInstance(w, WsCimTestSchema.Element1));

        XNamespace ns = ClassPrefix + "Test_Element";
        element.Name.Should().Be(ns + "Test_Element");
        element.Attribute(Xsi + "type")!.Value.Should().Be("p:Test_Element_Type");
        element.GetPrefixOfNamespace(ns).Should().Be("p");
        var names = element.Elements().Select(e => e.Name.LocalName).Distinct().ToList();
        names.Should().Equal(names.Order(StringComparer.OrdinalIgnoreCase));
        names.Should().StartWith(["AnyObject", "B", "BA", "C16", "CA", "Caption", "DTA", "InstanceID"]);
        element.Elements().Should().OnlyContain(e => e.Name.Namespace == ns, "inherited Caption and InstanceID too");
    }

    [Fact]
    public void Values_are_written_in_their_xml_schema_forms()
    {
        var element = WriteElement(w => InstanceXmlWriter.WriteInstance(w, WsCimTestSchema.Element1));
        XNamespace p = ClassPrefix + "Test_Element";
        string V(string name) => element.Element(p + name)!.Value;

        V("B").Should().Be("true");
        V("U64").Should().Be("18446744073709551615");
        V("S8").Should().Be("-128");
        V("R32").Should().Be("1.5");
        V("R64").Should().Be("-2.25E-10");
        V("C16").Should().Be("x");
        V("S").Should().Be("  spaced  ");
        V("Caption").Should().Be("first <element> & \"quoted\"");
        element.Element(p + "Stamp")!.Element(Cim + "Datetime")!.Value.Should().Be("2026-11-27T10:15:30.000005+01:00");
        element.Element(p + "Span")!.Element(Cim + "Interval")!.Value.Should().Be("P1DT2H3M4.000005S");
        element.Elements(p + "DTA").Select(e => e.Elements().Single().Name.LocalName).Should().Equal("Datetime", "CIM_DateTime", "Interval");
        element.Elements(p + "U16A").Select(e => e.Value).Should().Equal("0", "2", "65535");
        element.Elements(p + "SA").Select(e => e.Attribute(Xsi + "nil")?.Value ?? e.Value).Should().Equal("a", "true", "");
    }

    [Fact]
    public void Special_reals_are_spelled_INF_minus_INF_and_NaN()
    {
        var instance = WsCimTestSchema.Element2.Clone();
        instance["R32"] = float.PositiveInfinity;
        instance["R64"] = double.NaN;
        instance["R64A"] = new[] { double.NegativeInfinity, 0.1 };

        var element = WriteElement(w => InstanceXmlWriter.WriteInstance(w, instance));

        XNamespace p = ClassPrefix + "Test_Element";
        element.Element(p + "R32")!.Value.Should().Be("INF");
        element.Element(p + "R64")!.Value.Should().Be("NaN");
        element.Elements(p + "R64A").Select(e => e.Value).Should().Equal("-INF", "0.1");
    }

    [Fact]
    public void Null_scalars_are_nil_and_null_or_empty_arrays_are_left_out()
    {
        var instance = WsCimTestSchema.Element2.Clone();
        instance["U16A"] = Array.Empty<ushort>();

        var element = WriteElement(w => InstanceXmlWriter.WriteInstance(w, instance));

        XNamespace p = ClassPrefix + "Test_Element";
        element.Element(p + "U8")!.Attribute(Xsi + "nil")!.Value.Should().Be("true");
        element.Element(p + "U8")!.IsEmpty.Should().BeTrue();
        element.Elements(p + "U16A").Should().BeEmpty();
        element.Elements(p + "SA").Should().BeEmpty();
    }

    [Fact]
    public void IncludeNil_false_leaves_null_scalars_out()
    {
        var element = WriteElement(w => InstanceXmlWriter.WriteInstance(w, WsCimTestSchema.Element2, new InstanceWriteOptions { IncludeNil = false }));

        element.Elements().Select(e => e.Name.LocalName).Should().Equal("InstanceID");
    }

    [Fact]
    public void A_property_list_projection_is_honoured()
    {
        var projected = WsCimTestSchema.Element1.Project(["U8", "s", "Nope"]);

        var element = WriteElement(w => InstanceXmlWriter.WriteInstance(w, projected));

        element.Elements().Select(e => e.Name.LocalName).Should().Equal("S", "U8");
    }

    [Fact]
    public void RenderAs_writes_the_base_class_element_and_only_its_properties()
    {
        var options = new InstanceWriteOptions { RenderAs = WsCimTestSchema.Class("Test_Base") };

        var element = WriteElement(w => InstanceXmlWriter.WriteInstance(w, WsCimTestSchema.Element1, options));

        XNamespace ns = ClassPrefix + "Test_Base";
        element.Name.Should().Be(ns + "Test_Base");
        element.Attribute(Xsi + "type")!.Value.Should().Be("p:Test_Base_Type");
        element.Elements().Select(e => e.Name).Should().Equal(ns + "Caption", ns + "InstanceID");
        element.Element(ns + "InstanceID")!.Value.Should().Be("e1");
    }

    [Fact]
    public void RenderAs_an_unrelated_class_is_refused()
    {
        var options = new InstanceWriteOptions { RenderAs = WsCimTestSchema.Class("Test_System") };

        FluentActions.Invoking(() => Write(w => InstanceXmlWriter.WriteInstance(w, WsCimTestSchema.Element1, options)))
            .Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Embedded_instances_nest_with_their_own_class_namespace_and_type()
    {
        var element = WriteElement(w => InstanceXmlWriter.WriteInstance(w, WsCimTestSchema.Element1));
        XNamespace p = ClassPrefix + "Test_Element";
        XNamespace setting = ClassPrefix + "Test_Setting";
        XNamespace derived = ClassPrefix + "Test_DerivedSetting";

        var nested = element.Element(p + "Setting")!.Elements().Single();
        nested.Name.Should().Be(setting + "Test_Setting");
        nested.Attribute(Xsi + "type")!.Value.Should().Be("q:Test_Setting_Type");
        nested.GetPrefixOfNamespace(setting).Should().Be("q");
        nested.Element(setting + "Level")!.Value.Should().Be("3");
        element.Elements(p + "Settings").Select(e => e.Elements().Single().Name).Should().Equal(setting + "Test_Setting", derived + "Test_DerivedSetting");
    }

    [Fact]
    public void References_are_epr_children_inside_the_property_element()
    {
        var element = WriteElement(w => InstanceXmlWriter.WriteInstance(w, WsCimTestSchema.Link));
        XNamespace p = ClassPrefix + "Test_Link";

        var antecedent = element.Element(p + "Antecedent")!;
        antecedent.Elements().Select(e => e.Name).Should().Equal(Wsa + "Address", Wsa + "ReferenceParameters");
        antecedent.Element(Wsa + "Address")!.Value.Should().Be("http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous");
        var parameters = antecedent.Element(Wsa + "ReferenceParameters")!;
        parameters.Element(Wsman + "ResourceURI")!.Value.Should().Be(ClassPrefix + "Test_Element");
        parameters.Element(Wsman + "SelectorSet")!.Elements(Wsman + "Selector")
            .Select(s => (s.Attribute("Name")!.Value, s.Value)).Should().Equal(("InstanceID", "e1"), ("__cimnamespace", "root/cimv2"));
    }

    [Fact]
    public void An_endpoint_reference_has_every_key_and_the_namespace()
    {
        var path = new CimObjectPath(null, "Test_System",
            [new CimKeyBinding("Name", "vm-0042", CimType.String), new CimKeyBinding("CreationClassName", "Test_System", CimType.String)]);

        var xml = Write(w => InstanceXmlWriter.WriteEndpointReference(w, path, new InstanceWriteOptions { DefaultNamespace = "root/interop" }));

        xml.Should().Be(
            "<wsa:EndpointReference xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">" +
            "<wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address>" +
            "<wsa:ReferenceParameters>" +
            "<wsman:ResourceURI xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_System</wsman:ResourceURI>" +
            "<wsman:SelectorSet xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">" +
            "<wsman:Selector Name=\"CreationClassName\">Test_System</wsman:Selector>" +
            "<wsman:Selector Name=\"Name\">vm-0042</wsman:Selector>" +
            "<wsman:Selector Name=\"__cimnamespace\">root/interop</wsman:Selector>" +
            "</wsman:SelectorSet></wsa:ReferenceParameters></wsa:EndpointReference>");
    }

    [Fact]
    public void Endpoint_reference_children_use_prefixes_already_in_scope_and_the_given_address()
    {
        var xml = Write(w =>
        {
            w.WriteStartElement("t", "ResourceCreated", "http://schemas.xmlsoap.org/ws/2004/09/transfer");
            w.WriteAttributeString("xmlns", "a", null, Wsa.NamespaceName);
            w.WriteAttributeString("xmlns", "w", null, Wsman.NamespaceName);
            InstanceXmlWriter.WriteEndpointReferenceChildren(w, WsCimTestSchema.System.Path, new InstanceWriteOptions { Address = "http://host:5985/wsman" });
            w.WriteEndElement();
        });

        xml.Should().Contain("<a:Address>http://host:5985/wsman</a:Address><a:ReferenceParameters><w:ResourceURI>");
        xml.Should().Contain("<w:Selector Name=\"__cimnamespace\">root/cimv2</w:Selector>");
        xml.Should().NotContain("xmlns:wsa").And.NotContain("xmlns:wsman");
    }

    [Fact]
    public void Reference_keys_nest_a_full_endpoint_reference_in_the_selector()
    {
        var xml = WriteElement(w => InstanceXmlWriter.WriteEndpointReference(w, WsCimTestSchema.Nested.Path));

        var selectors = xml.Element(Wsa + "ReferenceParameters")!.Element(Wsman + "SelectorSet")!.Elements().ToList();
        selectors.Select(s => s.Attribute("Name")!.Value).Should().Equal("Link", "Name", "Owner", "__cimnamespace");
        var link = selectors[0].Element(Wsa + "EndpointReference")!;
        link.Element(Wsa + "ReferenceParameters")!.Element(Wsman + "ResourceURI")!.Value.Should().Be(ClassPrefix + "Test_Link");
        var inner = link.Descendants(Wsman + "Selector").Where(s => s.Attribute("Name")!.Value == "Antecedent").Single();
        inner.Element(Wsa + "EndpointReference")!.Descendants(Wsman + "Selector").First().Value.Should().Be("e1");
    }

    [Fact]
    public void A_prefix_p_bound_elsewhere_in_scope_is_redeclared_so_xsi_type_resolves()
    {
        var xml = Write(w =>
        {
            w.WriteStartElement("p", "Body", "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd");
            InstanceXmlWriter.WriteInstance(w, WsCimTestSchema.System);
            w.WriteEndElement();
        });

        var element = XElement.Parse(xml).Elements().Single();
        XNamespace ns = ClassPrefix + "Test_System";
        element.Name.Should().Be(ns + "Test_System");
        var type = element.Attribute(Xsi + "type")!.Value;
        element.GetNamespaceOfPrefix(type.Split(':')[0]).Should().Be(ns);
        element.Elements().Should().OnlyContain(e => e.Name.Namespace == ns);
    }
}
