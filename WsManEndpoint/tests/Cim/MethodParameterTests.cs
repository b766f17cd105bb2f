using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.WsManEndpoint.Cim;
using FluentAssertions;
using Xunit;
using static CimCloud.WsManEndpoint.Tests.Cim.XmlTestSupport;

namespace CimCloud.WsManEndpoint.Tests.Cim;

public sealed class MethodParameterTests
{
    private const string ElementNs = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Element";
    private const string Wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private const string Wsman = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";

    private readonly MethodParameterReader _reader = new(WsCimTestSchema.Lookup);

    private static CimClass Element => WsCimTestSchema.Class("Test_Element");

    private static CimMethod Start => Element.FindMethod("Start")!;

    [Fact]
    public void In_parameters_are_read_typed_per_the_method()
    {
        var input = Input("""
            <p:Mode>3</p:Mode>
            <p:Names>a</p:Names>
            <p:Force>true</p:Force>
            <p:Names>b</p:Names>
            <p:When><cim:Interval>PT1H</cim:Interval></p:When>
            <p:Setting>
              <q:Test_Setting xmlns:q="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Setting"><q:Level>4</q:Level></q:Test_Setting>
            </p:Setting>
            <p:Target>
              <a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address>
              <a:ReferenceParameters>
                <w:ResourceURI>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Element</w:ResourceURI>
                <w:SelectorSet><w:Selector Name="InstanceID">e1</w:Selector><w:Selector Name="__cimnamespace">root/cimv2</w:Selector></w:SelectorSet>
              </a:ReferenceParameters>
            </p:Target>
            <p:Level>7</p:Level>
            """);

        var values = _reader.Read(input, Element, Start);

        values.Should().HaveCount(7);
        values["mode"].Should().Be((ushort)3);
        values["Names"].Should().BeEquivalentTo(new[] { "a", "b" }, o => o.WithStrictOrdering());
        values["Force"].Should().Be(true);
        values["When"].Should().Be(CimDateTime.Parse("00000000010000.000000:000"));
        ((CimInstance)values["Setting"]!)["Level"].Should().Be((ushort)4);
        values["Target"].Should().Be(WsCimTestSchema.Element1.Path);
        values["Level"].Should().Be((byte)7);
    }

    [Fact]
    public void Embedded_instance_parameters_may_be_cim_xml_text()
    {
        var input = Input("""<p:Force>false</p:Force><p:Setting>&lt;INSTANCE CLASSNAME="Test_Setting"&gt;&lt;PROPERTY NAME="ElementName" TYPE="string"&gt;&lt;VALUE&gt;vm&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;/INSTANCE&gt;</p:Setting>""");

        var values = _reader.Read(input, Element, Start);

        ((CimInstance)values["Setting"]!)["ElementName"].Should().Be("vm");
    }

    [Fact]
    public void The_element_name_is_matched_case_insensitively_and_the_base_class_namespace_is_accepted()
    {
        var input = XElement.Parse("""<p:start_input xmlns:p="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Base"><p:Force>1</p:Force></p:start_input>""");

        _reader.Read(input, Element, Start)["Force"].Should().Be(true);
    }

    [Theory]
    [InlineData("Stop_INPUT", ElementNs)]
    [InlineData("Start_OUTPUT", ElementNs)]
    [InlineData("Start_INPUT", "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_System")]
    [InlineData("Start_INPUT", "")]
    public void A_wrong_body_element_is_InvalidName(string name, string ns)
    {
        var input = new XElement(XName.Get(name, ns), new XElement(XName.Get("Force", ns), "true"));

        Fault(() => _reader.Read(input, Element, Start)).ShouldBeFault("InvalidParameter", "InvalidName");
    }

    [Theory]
    [InlineData("<p:Unknown>1</p:Unknown>")]
    [InlineData("<p:Job/>")]
    [InlineData("<p:Messages>x</p:Messages>")]
    [InlineData("<o:Mode xmlns:o=\"urn:other\">1</o:Mode>")]
    public void Unknown_or_out_only_parameters_are_InvalidName(string body) =>
        Fault(() => _reader.Read(Input("<p:Force>true</p:Force>" + body), Element, Start)).ShouldBeFault("InvalidParameter", "InvalidName");

    [Theory]
    [InlineData("<p:Mode>three</p:Mode>")]
    [InlineData("<p:Mode>70000</p:Mode>")]
    [InlineData("<p:Mode>1</p:Mode><p:Mode>2</p:Mode>")]
    [InlineData("<p:When>soon</p:When>")]
    [InlineData("<p:Setting>nonsense</p:Setting>")]
    [InlineData("<p:Target>not a path</p:Target>")]
    [InlineData("<p:Target><a:Address>x</a:Address><a:ReferenceParameters><w:ResourceURI>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_System</w:ResourceURI><w:SelectorSet><w:Selector Name=\"Name\">n</w:Selector><w:Selector Name=\"CreationClassName\">c</w:Selector></w:SelectorSet></a:ReferenceParameters></p:Target>")]
    [InlineData("<p:Target><a:Address>x</a:Address><a:ReferenceParameters><w:ResourceURI>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Element</w:ResourceURI></a:ReferenceParameters></p:Target>")]
    public void Bad_values_are_TypeMismatch(string body) =>
        Fault(() => _reader.Read(Input("<p:Force>true</p:Force>" + body), Element, Start)).ShouldBeFault("InvalidParameter", "TypeMismatch");

    [Fact]
    public void A_missing_required_parameter_is_MissingValues()
    {
        Fault(() => _reader.Read(Input("<p:Mode>1</p:Mode>"), Element, Start)).ShouldBeFault("InvalidParameter", "MissingValues");
        Fault(() => _reader.Read(null, Element, Start)).ShouldBeFault("InvalidParameter", "MissingValues");
    }

    [Fact]
    public void An_empty_body_gives_no_parameters_when_none_is_required()
    {
        var method = new CimMethod("Ping", CimType.UInt32, [], CimQualifierSet.Empty, "Test_Element", CimFlags.None);

        _reader.Read(null, Element, method).Should().BeEmpty();
        _reader.Read(new XElement(XName.Get("Ping_INPUT", ElementNs)), Element, method).Should().BeEmpty();
    }

    [Fact]
    public void The_output_holds_out_parameters_in_declaration_order_then_ReturnValue()
    {
        var outs = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["level"] = 7,
            ["Messages"] = new List<string> { "one", "two" },
            ["Job"] = WsCimTestSchema.Element2.Path,
            ["Mode"] = (ushort)1,
        };

        var element = WriteElement(w => MethodResultWriter.Write(w, Element, Start, new CimMethodResult(4096, outs)));

        XNamespace p = ElementNs;
        element.Name.Should().Be(p + "Start_OUTPUT");
        element.GetPrefixOfNamespace(p).Should().Be("p");
        element.Elements().Select(e => e.Name.LocalName).Should().Equal("Job", "Messages", "Messages", "Level", "ReturnValue");
        element.Elements().Should().OnlyContain(e => e.Name.Namespace == p);
        element.Element(p + "ReturnValue")!.Value.Should().Be("4096");
        element.Element(p + "Level")!.Value.Should().Be("7");
        var job = element.Element(p + "Job")!;
        job.Element(XName.Get("Address", Wsa)).Should().NotBeNull();
        job.Descendants(XName.Get("Selector", Wsman)).Select(s => s.Value).Should().Equal("e2", "root/cimv2");
    }

    [Fact]
    public void A_small_output_is_written_exactly()
    {
        var method = new CimMethod("RequestStateChange", CimType.UInt32, [], CimQualifierSet.Empty, "Test_System", CimFlags.None);

        var xml = Write(w => MethodResultWriter.Write(w, WsCimTestSchema.Class("Test_System"), method, 0u, null));

        xml.Should().Be(
            "<p:RequestStateChange_OUTPUT xmlns:p=\"http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_System\">" +
            "<p:ReturnValue>0</p:ReturnValue></p:RequestStateChange_OUTPUT>");
    }

    [Fact]
    public void A_null_return_value_is_nil_and_missing_out_parameters_are_left_out()
    {
        var element = WriteElement(w => MethodResultWriter.Write(w, Element, Start, null, new Dictionary<string, object?> { ["Messages"] = null }));

        element.Elements().Select(e => e.Name.LocalName).Should().Equal("ReturnValue");
        element.Elements().Single().Attribute(XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance"))!.Value.Should().Be("true");
    }

    [Fact]
    public void An_out_value_that_does_not_convert_is_a_cim_error()
    {
        var outs = new Dictionary<string, object?> { ["Level"] = 300 };

        FluentActions.Invoking(() => Write(w => MethodResultWriter.Write(w, Element, Start, 0u, outs))).Should().Throw<CimException>();
    }

    [Fact]
    public void Output_values_read_back_as_in_parameters_of_the_same_types()
    {
        var outs = new Dictionary<string, object?> { ["Level"] = (byte)9 };
        var xml = Write(w => MethodResultWriter.Write(w, Element, Start, 0u, outs)).Replace("Start_OUTPUT", "Start_INPUT", StringComparison.Ordinal)
            .Replace("<p:ReturnValue>0</p:ReturnValue>", "<p:Force>true</p:Force>", StringComparison.Ordinal);

        _reader.Read(XElement.Parse(xml), Element, Start)["Level"].Should().Be((byte)9);
    }

    private static XElement Input(string body) => XElement.Parse(
        $"""<p:Start_INPUT xmlns:p="{ElementNs}" xmlns:a="{Wsa}" xmlns:w="{Wsman}" xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common">{body}</p:Start_INPUT>""",
        LoadOptions.PreserveWhitespace);
}
