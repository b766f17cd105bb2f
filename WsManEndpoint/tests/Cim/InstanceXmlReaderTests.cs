using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Cim;
using FluentAssertions;
using Xunit;
using static CimCloud.WsManEndpoint.Tests.Cim.XmlTestSupport;

namespace CimCloud.WsManEndpoint.Tests.Cim;

public sealed class InstanceXmlReaderTests
{
    private const string ElementNs = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Element";
    private const string Wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private const string Wsman = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";

    private readonly InstanceXmlReader _reader = new(WsCimTestSchema.Lookup);

    private static CimClass Element => WsCimTestSchema.Class("Test_Element");

    [Fact]
    public void Reads_a_hand_written_body_in_any_order_with_any_prefix()
    {
        var element = Parse($"""
            <x:Test_Element xmlns:x="{ElementNs}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <x:U16A>7</x:U16A>
              <x:InstanceID>id</x:InstanceID>
              <x:Caption xsi:nil="true"/>
              <x:U16A>0x10</x:U16A>
              <x:B>1</x:B>
              <x:S></x:S>
            </x:Test_Element>
            """);
        var present = new List<string>();

        var instance = _reader.Read(element, Element, "root/cimv2", null, present);

        instance["InstanceID"].Should().Be("id");
        instance["Caption"].Should().BeNull();
        instance["U16A"].Should().BeEquivalentTo(new ushort[] { 7, 16 }, o => o.WithStrictOrdering());
        instance["B"].Should().Be(true);
        instance["S"].Should().Be(string.Empty);
        instance.Namespace.Should().Be("root/cimv2");
        present.Should().BeEquivalentTo("InstanceID", "Caption", "U16A", "B", "S");
    }

    [Theory]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Base")]
    [InlineData("http://schemas.dell.com/wbem/wscim/1/cim-schema/2/Test_Element")]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Test_Element")]
    public void Accepts_the_namespace_of_an_ancestor_or_a_vendor_host(string ns)
    {
        var element = new XElement(XName.Get("Test_Element", ns), new XElement(XName.Get("InstanceID", ns), "a"), new XElement("U8", "1"));

        var instance = _reader.Read(element, Element);

        instance["InstanceID"].Should().Be("a");
        instance["U8"].Should().Be((byte)1);
    }

    [Fact]
    public void Accepts_the_request_resource_uri_as_namespace()
    {
        var element = new XElement(XName.Get("Test_Element", "urn:custom"), new XElement(XName.Get("InstanceID", "urn:custom"), "a"));

        _reader.Read(element, Element, resourceUri: "urn:custom")["InstanceID"].Should().Be("a");
    }

    [Theory]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_System")]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Link")]
    [InlineData("urn:other")]
    [InlineData("")]
    public void Another_class_namespace_is_InvalidNamespace(string ns)
    {
        var element = new XElement(XName.Get("Test_Element", ns), new XElement(XName.Get("InstanceID", ns), "a"));

        Fault(() => _reader.Read(element, Element)).ShouldBeFault("InvalidRepresentation", "InvalidNamespace");
    }

    [Fact]
    public void A_property_element_in_a_foreign_namespace_is_InvalidNamespace()
    {
        var element = new XElement(XName.Get("Test_Element", ElementNs), new XElement(XName.Get("InstanceID", "urn:other"), "a"));

        Fault(() => _reader.Read(element, Element)).ShouldBeFault("InvalidRepresentation", "InvalidNamespace");
    }

    [Theory]
    [InlineData("<p:NoSuchProperty>1</p:NoSuchProperty>")]
    [InlineData("<p:U8>300</p:U8>")]
    [InlineData("<p:U8>-1</p:U8>")]
    [InlineData("<p:U8>1.5</p:U8>")]
    [InlineData("<p:B>maybe</p:B>")]
    [InlineData("<p:C16>ab</p:C16>")]
    [InlineData("<p:C16></p:C16>")]
    [InlineData("<p:R32>1e39</p:R32>")]
    [InlineData("<p:U8>1</p:U8><p:U8>2</p:U8>")]
    [InlineData("<p:U8><p:Inner/></p:U8>")]
    [InlineData("<p:Stamp>tomorrow</p:Stamp>")]
    [InlineData("<p:Stamp><cim:Datetime>2024-02-30T00:00:00Z</cim:Datetime></p:Stamp>")]
    [InlineData("<p:U16A>1</p:U16A><p:U16A xsi:nil=\"true\"/>")]
    [InlineData("<p:Setting>just text</p:Setting>")]
    [InlineData("<p:Setting></p:Setting>")]
    public void Bad_values_are_InvalidValues(string body)
    {
        var element = Parse($"""<p:Test_Element xmlns:p="{ElementNs}" xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{body}</p:Test_Element>""");

        Fault(() => _reader.Read(element, Element)).ShouldBeFault("InvalidRepresentation", "InvalidValues");
    }

    [Fact]
    public void Properties_not_given_keep_their_class_defaults()
    {
        var instance = _reader.Read(new XElement(XName.Get("Test_Element", ElementNs)), Element);

        instance["U8"].Should().BeNull();
        instance.Properties.Should().HaveCount(Element.Properties.Count);
    }

    [Fact]
    public void A_nil_array_element_alone_means_a_null_array_and_nil_entries_are_kept_where_allowed()
    {
        var element = Parse($"""
            <p:Test_Element xmlns:p="{ElementNs}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <p:U16A xsi:nil="true"/><p:SA>a</p:SA><p:SA xsi:nil="true"/>
            </p:Test_Element>
            """);

        var instance = _reader.Read(element, Element);

        instance["U16A"].Should().BeNull();
        instance["SA"].Should().BeEquivalentTo(new[] { "a", null }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Datetimes_are_read_as_raw_cim_text_as_owsman_sends_them()
    {
        var element = Parse($"""<p:Test_Element xmlns:p="{ElementNs}"><p:Stamp>20240101000000.000000+000</p:Stamp><p:DTA>00000001000000.000000:000</p:DTA><p:DTA>2024-05-06T07:08:09Z</p:DTA></p:Test_Element>""");

        var instance = _reader.Read(element, Element);

        instance["Stamp"].Should().Be(CimDateTime.Parse("20240101000000.000000+000"));
        ((CimDateTime[])instance["DTA"]!).Select(d => d.Text).Should().Equal("00000001000000.000000:000", "20240506070809.000000+000");
    }

    [Fact]
    public void References_are_read_from_reference_properties_nested_eprs_and_any_address()
    {
        var linkNs = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Link";
        var element = Parse($"""
            <p:Test_Link xmlns:p="{linkNs}" xmlns:a="{Wsa}" xmlns:w="{Wsman}">
              <p:Antecedent>
                <a:Address>http://host:5985/wsman</a:Address>
                <a:ReferenceProperties>
                  <w:ResourceURI>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Element</w:ResourceURI>
                  <w:SelectorSet><w:Selector Name="InstanceID"> e1 </w:Selector></w:SelectorSet>
                </a:ReferenceProperties>
              </p:Antecedent>
              <p:Dependent>
                <a:EndpointReference>
                  <a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address>
                  <a:ReferenceParameters>
                    <w:ResourceURI>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Base</w:ResourceURI>
                    <w:SelectorSet>
                      <w:Selector Name="InstanceID">e2</w:Selector>
                      <w:Selector Name="__cimnamespace">root/other</w:Selector>
                    </w:SelectorSet>
                  </a:ReferenceParameters>
                </a:EndpointReference>
              </p:Dependent>
            </p:Test_Link>
            """);

        var instance = _reader.Read(element, WsCimTestSchema.Class("Test_Link"));

        var antecedent = (CimObjectPath)instance["Antecedent"]!;
        antecedent.ClassName.Should().Be("Test_Element");
        antecedent.Namespace.Should().BeNull();
        antecedent.FindKey("InstanceID")!.Value.Should().Be("e1");
        var dependent = (CimObjectPath)instance["Dependent"]!;
        dependent.ToString().Should().Be("/root/other:Test_Base.InstanceID=\"e2\"");
    }

    [Theory]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/No_Such_Class", "InstanceID")]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_System", "Name")]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Element", "Nope")]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/*", "InstanceID")]
    public void Bad_references_are_InvalidValues(string resourceUri, string selector)
    {
        var linkNs = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Link";
        var element = Parse($"""
            <p:Test_Link xmlns:p="{linkNs}" xmlns:a="{Wsa}" xmlns:w="{Wsman}">
              <p:Antecedent><a:Address>x</a:Address><a:ReferenceParameters><w:ResourceURI>{resourceUri}</w:ResourceURI>
                <w:SelectorSet><w:Selector Name="{selector}">1</w:Selector><w:Selector Name="CreationClassName">Test_System</w:Selector></w:SelectorSet>
              </a:ReferenceParameters></p:Antecedent>
            </p:Test_Link>
            """);

        Fault(() => _reader.Read(element, WsCimTestSchema.Class("Test_Link"))).ShouldBeFault("InvalidRepresentation", "InvalidValues");
    }

    [Fact]
    public void Embedded_instances_are_read_from_escaped_cim_xml()
    {
        const string cimXml = """
            <INSTANCE CLASSNAME="Test_Setting">
              <QUALIFIER NAME="Description" TYPE="string"><VALUE>ignored</VALUE></QUALIFIER>
              <PROPERTY NAME="ElementName" TYPE="string"><VALUE>from &lt;cim-xml&gt;</VALUE></PROPERTY>
              <PROPERTY NAME="Level" TYPE="uint16"><VALUE>1</VALUE></PROPERTY>
              <PROPERTY NAME="When" TYPE="datetime"><VALUE>20240101000000.000000+000</VALUE></PROPERTY>
              <PROPERTY.ARRAY NAME="Tags" TYPE="string"><VALUE.ARRAY><VALUE>a</VALUE><VALUE.NULL/><VALUE>c</VALUE></VALUE.ARRAY></PROPERTY.ARRAY>
            </INSTANCE>
            """;
        var element = new XElement(XName.Get("Test_Element", ElementNs), new XElement(XName.Get("Setting", ElementNs), cimXml));

        var setting = (CimInstance)_reader.Read(element, Element)["Setting"]!;

        setting.ClassName.Should().Be("Test_Setting");
        setting["ElementName"].Should().Be("from <cim-xml>");
        setting["Level"].Should().Be((ushort)1);
        setting["When"].Should().Be(CimDateTime.Parse("20240101000000.000000+000"));
        setting["Tags"].Should().BeEquivalentTo(new[] { "a", null, "c" }, o => o.WithStrictOrdering());
        setting.IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public void Embedded_cim_xml_references_are_read_from_instance_names_and_paths()
    {
        const string cimXml = """
            <INSTANCE CLASSNAME="Test_Link">
              <PROPERTY.REFERENCE NAME="Antecedent" REFERENCECLASS="Test_Base"><VALUE.REFERENCE>
                <INSTANCENAME CLASSNAME="Test_Element"><KEYBINDING NAME="InstanceID"><KEYVALUE VALUETYPE="string">e1</KEYVALUE></KEYBINDING></INSTANCENAME>
              </VALUE.REFERENCE></PROPERTY.REFERENCE>
              <PROPERTY.REFERENCE NAME="Dependent"><VALUE.REFERENCE><INSTANCEPATH>
                <NAMESPACEPATH><HOST>h1</HOST><LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="cimv2"/></LOCALNAMESPACEPATH></NAMESPACEPATH>
                <INSTANCENAME CLASSNAME="Test_Element"><KEYVALUE>e2</KEYVALUE></INSTANCENAME>
              </INSTANCEPATH></VALUE.REFERENCE></PROPERTY.REFERENCE>
            </INSTANCE>
            """;
        var element = new XElement(XName.Get("Test_Element", ElementNs), new XElement(XName.Get("AnyObject", ElementNs), cimXml));

        var link = (CimInstance)_reader.Read(element, Element)["AnyObject"]!;

        link.ClassName.Should().Be("Test_Link");
        ((CimObjectPath)link["Antecedent"]!).ToString().Should().Be("Test_Element.InstanceID=\"e1\"");
        var dependent = (CimObjectPath)link["Dependent"]!;
        dependent.Host.Should().Be("h1");
        dependent.ToString().Should().Be("//h1/root/cimv2:Test_Element.InstanceID=\"e2\"");
    }

    [Fact]
    public void Embedded_instances_are_read_from_mof_text()
    {
        const string mof = """
            instance of Test_DerivedSetting
            {
                ElementName = "from mof #1"; // a comment with # in it
                Level = 0x2;
                When = "00000001000000.000000:000";
                Tags = { "x", "y" };
                Extra = TRUE;
            };
            """;
        var element = new XElement(XName.Get("Test_Element", ElementNs), new XElement(XName.Get("Setting", ElementNs), mof));

        var setting = (CimInstance)_reader.Read(element, Element)["Setting"]!;

        setting.ClassName.Should().Be("Test_DerivedSetting");
        setting["ElementName"].Should().Be("from mof #1");
        setting["Level"].Should().Be((ushort)2);
        setting["When"].Should().Be(CimDateTime.Parse("00000001000000.000000:000"));
        setting["Tags"].Should().BeEquivalentTo(new[] { "x", "y" });
        setting["Extra"].Should().Be(true);
    }

    [Theory]
    [InlineData("#pragma include (\"/etc/passwd\")\ninstance of Test_Setting { };")]
    [InlineData("instance of Test_Setting { Level = \"many\"; };")]
    [InlineData("instance of Test_Setting { Nope = 1; };")]
    [InlineData("instance of Test_Setting { Level = 1; Level = 2; };")]
    [InlineData("instance of Test_Setting { Level = { 1 }; };")]
    [InlineData("instance of Test_Setting { Tags = \"x\"; };")]
    [InlineData("instance of Test_Setting { ElementName = $alias; };")]
    [InlineData("instance of Test_System { Name = \"x\"; };")]
    [InlineData("instance of Test_Setting { }; instance of Test_Setting { };")]
    [InlineData("class Test_Setting { };")]
    [InlineData("instance of Test_Setting {")]
    [InlineData("<INSTANCE CLASSNAME=\"Test_System\"/>")]
    [InlineData("<INSTANCE CLASSNAME=\"Test_Setting\"><PROPERTY NAME=\"Nope\"><VALUE>1</VALUE></PROPERTY></INSTANCE>")]
    [InlineData("<INSTANCE CLASSNAME=\"Test_Setting\"><PROPERTY NAME=\"Level\"><VALUE>x</VALUE></PROPERTY></INSTANCE>")]
    [InlineData("<INSTANCE CLASSNAME=\"Test_Setting\"><PROPERTY NAME=\"Tags\"><VALUE>x</VALUE></PROPERTY></INSTANCE>")]
    [InlineData("<INSTANCE CLASSNAME=\"Test_Setting\"><PROPERTY.ARRAY NAME=\"Level\"/></INSTANCE>")]
    [InlineData("<INSTANCE><PROPERTY NAME=\"Level\"/></INSTANCE>")]
    [InlineData("<INSTANCE CLASSNAME=\"Test_Setting\">")]
    [InlineData("<CLASS NAME=\"Test_Setting\"/>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"boom\">]><INSTANCE CLASSNAME=\"Test_Setting\"><PROPERTY NAME=\"ElementName\"><VALUE>&e;</VALUE></PROPERTY></INSTANCE>")]
    public void Bad_embedded_text_is_InvalidValues(string text)
    {
        var element = new XElement(XName.Get("Test_Element", ElementNs), new XElement(XName.Get("Setting", ElementNs), text));

        Fault(() => _reader.Read(element, Element)).ShouldBeFault("InvalidRepresentation", "InvalidValues");
    }

    [Fact]
    public void A_nested_embedded_instance_of_the_wrong_class_is_InvalidValues()
    {
        var systemNs = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_System";
        var element = new XElement(XName.Get("Test_Element", ElementNs),
            new XElement(XName.Get("Setting", ElementNs), new XElement(XName.Get("Test_System", systemNs))));

        Fault(() => _reader.Read(element, Element)).ShouldBeFault("InvalidRepresentation", "InvalidValues");
    }

    [Fact]
    public void An_embedded_object_may_be_of_any_class()
    {
        var element = WriteElement(w => InstanceXmlWriter.WriteInstance(w, WithAnyObject(WsCimTestSchema.System)));

        var read = (CimInstance)_reader.Read(element, Element)["AnyObject"]!;

        read.ShouldEqualInstance(WsCimTestSchema.System);
    }

    [Fact]
    public void Embedded_instances_nested_too_deeply_are_InvalidValues()
    {
        var settingNs = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Element";
        var inner = new XElement(XName.Get("Test_Element", settingNs), new XElement(XName.Get("InstanceID", settingNs), "leaf"));
        for (var i = 0; i < 40; i++)
            inner = new XElement(XName.Get("Test_Element", settingNs), new XElement(XName.Get("AnyObject", settingNs), inner));

        Fault(() => _reader.Read(inner, Element)).ShouldBeFault("InvalidRepresentation", "InvalidValues");
    }

    [Fact]
    public void ReadEmbedded_reads_a_value_element()
    {
        var value = new XElement("Setting", "<INSTANCE CLASSNAME=\"Test_Setting\"><PROPERTY NAME=\"Level\" TYPE=\"uint16\"><VALUE>9</VALUE></PROPERTY></INSTANCE>");

        var instance = _reader.ReadEmbedded(value, "Test_Setting");

        instance["Level"].Should().Be((ushort)9);
    }

    private static CimInstance WithAnyObject(CimInstance embedded)
    {
        var instance = WsCimTestSchema.Element2.Clone();
        instance["AnyObject"] = embedded;
        return instance;
    }

    private static XElement Parse(string xml) => XElement.Parse(xml, LoadOptions.PreserveWhitespace);
}
