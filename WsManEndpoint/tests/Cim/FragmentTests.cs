using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Cim;
using FluentAssertions;
using Xunit;
using static CimCloud.WsManEndpoint.Tests.Cim.XmlTestSupport;

namespace CimCloud.WsManEndpoint.Tests.Cim;

public sealed class FragmentTests
{
    private const string SystemNs = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_System";
    private const string ElementNs = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Element";
    private const string Wsman = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";

    private readonly FragmentXmlReader _reader = new(WsCimTestSchema.Lookup);

    [Theory]
    [InlineData("EnabledState", "EnabledState", null, false)]
    [InlineData(" EnabledState\n", "EnabledState", null, false)]
    [InlineData("/EnabledState", "EnabledState", null, false)]
    [InlineData("p:EnabledState", "EnabledState", null, false)]
    [InlineData("EnabledState/text()", "EnabledState", null, true)]
    [InlineData("U16A[2]", "U16A", 2, false)]
    [InlineData("U16A[ 12 ]", "U16A", 12, false)]
    [InlineData("/p:U16A[1]/text()", "U16A", 1, true)]
    public void Level_one_paths_parse(string text, string property, int? index, bool isText) =>
        FragmentPath.Parse(text).Should().Be(new FragmentPath(property, index, isText));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("//EnabledState")]
    [InlineData("a/b")]
    [InlineData("U16A[0]")]
    [InlineData("U16A[-1]")]
    [InlineData("U16A[a]")]
    [InlineData("U16A[1")]
    [InlineData("U16A[1][2]")]
    [InlineData("@Name")]
    [InlineData("Name/@x")]
    [InlineData("text()")]
    [InlineData("Name/text()/x")]
    [InlineData("count(Name)")]
    [InlineData("Name[last()]")]
    [InlineData("*")]
    [InlineData("a:b:c")]
    [InlineData("1Name")]
    public void Other_syntax_is_InvalidFragment(string? text) =>
        Fault(() => FragmentPath.Parse(text)).ShouldBeFault("InvalidRepresentation", "InvalidFragment");

    [Fact]
    public void A_path_prints_as_it_parses()
    {
        new FragmentPath("U16A", 3, true).ToString().Should().Be("U16A[3]/text()");
        new FragmentPath("Name").ToString().Should().Be("Name");
    }

    [Fact]
    public void An_unknown_property_is_InvalidFragment() =>
        Fault(() => FragmentPath.Parse("Nope").Resolve(WsCimTestSchema.Class("Test_System"))).ShouldBeFault("InvalidRepresentation", "InvalidFragment");

    [Fact]
    public void Get_of_a_property_writes_its_element_in_the_class_namespace()
    {
        var xml = Write(w => FragmentXmlWriter.Write(w, WsCimTestSchema.System, FragmentPath.Parse("EnabledState")));

        xml.Should().Be(
            $"<wsman:XmlFragment xmlns:wsman=\"{Wsman}\"><p:EnabledState xmlns:p=\"{SystemNs}\">2</p:EnabledState></wsman:XmlFragment>");
    }

    [Fact]
    public void Get_with_text_writes_just_the_value()
    {
        var xml = Write(w => FragmentXmlWriter.Write(w, WsCimTestSchema.System, FragmentPath.Parse("EnabledState/text()")));

        xml.Should().Be($"<wsman:XmlFragment xmlns:wsman=\"{Wsman}\">2</wsman:XmlFragment>");
    }

    [Theory]
    [InlineData("U16A", new[] { "0", "2", "65535" })]
    [InlineData("U16A[2]", new[] { "2" })]
    [InlineData("U16A[3]/text()", new[] { "65535" })]
    [InlineData("Stamp/text()", new[] { "2026-11-27T10:15:30.000005+01:00" })]
    [InlineData("B[1]/text()", new[] { "true" })]
    [InlineData("SA[2]", new[] { "" })]
    [InlineData("AnyObject", new[] { "" })]
    [InlineData("AnyObject/text()", new string[0])]
    public void Get_selects_the_entries_the_path_names(string path, string[] values)
    {
        var fragment = WriteElement(w => FragmentXmlWriter.Write(w, WsCimTestSchema.Element1, FragmentPath.Parse(path)));

        fragment.Name.Should().Be(XName.Get("XmlFragment", Wsman));
        var texts = fragment.HasElements ? fragment.Elements().Select(e => e.Value) : fragment.Value.Length == 0 ? [] : [fragment.Value];
        texts.Should().Equal(values);
        fragment.Elements().Where(e => e.Name != XName.Get(FragmentPath.Parse(path).PropertyName, ElementNs)).Should().BeEmpty();
    }

    [Fact]
    public void Get_of_a_null_scalar_is_a_nil_element_even_without_IncludeNil()
    {
        var fragment = WriteElement(w => FragmentXmlWriter.Write(w, WsCimTestSchema.Element1, FragmentPath.Parse("AnyObject"), new InstanceWriteOptions { IncludeNil = false }));

        fragment.Elements().Single().Attribute(XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance"))!.Value.Should().Be("true");
    }

    [Fact]
    public void Get_of_a_datetime_or_embedded_instance_writes_the_nested_forms()
    {
        var fragment = WriteElement(w => FragmentXmlWriter.Write(w, WsCimTestSchema.Element1, FragmentPath.Parse("Settings[2]")));

        fragment.Elements().Single().Elements().Single().Name.LocalName.Should().Be("Test_DerivedSetting");
    }

    [Theory]
    [InlineData("U16A[4]")]
    [InlineData("U16A/text()")]
    [InlineData("Caption[2]")]
    [InlineData("Setting/text()")]
    [InlineData("S64A[1]/text()/")]
    [InlineData("NoSuchProperty")]
    [InlineData("Settings[1]/text()")]
    public void Get_that_selects_nothing_or_no_text_is_InvalidFragment(string path) =>
        Fault(() => Write(w => FragmentXmlWriter.Write(w, WsCimTestSchema.Element1, FragmentPath.Parse(path))))
            .ShouldBeFault("InvalidRepresentation", "InvalidFragment");

    [Fact]
    public void Get_by_index_on_a_null_array_is_InvalidFragment() =>
        Fault(() => Write(w => FragmentXmlWriter.Write(w, WsCimTestSchema.Element2, FragmentPath.Parse("U16A[1]"))))
            .ShouldBeFault("InvalidRepresentation", "InvalidFragment");

    [Fact]
    public void Put_of_a_property_element_changes_a_copy()
    {
        var original = WsCimTestSchema.System;
        var fragment = XElement.Parse($"""<w:XmlFragment xmlns:w="{Wsman}"><p:EnabledState xmlns:p="{SystemNs}">3</p:EnabledState></w:XmlFragment>""");

        var updated = _reader.Apply(fragment, original, FragmentPath.Parse("EnabledState"));

        updated["EnabledState"].Should().Be((ushort)3);
        updated.IsReadOnly.Should().BeFalse();
        original["EnabledState"].Should().Be((ushort)2);
    }

    [Fact]
    public void Put_accepts_the_body_holding_the_fragment_and_unqualified_elements()
    {
        var body = XElement.Parse($"""<s:Body xmlns:s="http://www.w3.org/2003/05/soap-envelope"><w:XmlFragment xmlns:w="{Wsman}"><Name>renamed</Name></w:XmlFragment></s:Body>""");

        _reader.Apply(body, WsCimTestSchema.System, FragmentPath.Parse("Name"))["Name"].Should().Be("renamed");
    }

    [Theory]
    [InlineData("EnabledState/text()", " 5 ", (ushort)5)]
    [InlineData("EnabledState[1]/text()", "6", (ushort)6)]
    public void Put_of_text_sets_the_value(string path, string text, ushort expected) =>
        _reader.Apply(new XElement(XName.Get("XmlFragment", Wsman), text), WsCimTestSchema.System, FragmentPath.Parse(path))["EnabledState"]
            .Should().Be(expected);

    [Theory]
    [InlineData("U16A[2]", "<p:U16A>9</p:U16A>", new ushort[] { 0, 9, 65535 })]
    [InlineData("U16A[4]", "<p:U16A>9</p:U16A>", new ushort[] { 0, 2, 65535, 9 })]
    [InlineData("U16A[1]/text()", "8", new ushort[] { 8, 2, 65535 })]
    [InlineData("U16A", "<p:U16A>1</p:U16A><p:U16A>2</p:U16A>", new ushort[] { 1, 2 })]
    public void Put_into_an_array_replaces_or_appends_entries(string path, string content, ushort[] expected)
    {
        var fragment = XElement.Parse($"""<w:XmlFragment xmlns:w="{Wsman}" xmlns:p="{ElementNs}">{content}</w:XmlFragment>""");

        _reader.Apply(fragment, WsCimTestSchema.Element1, FragmentPath.Parse(path))["U16A"].Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Put_of_no_elements_for_an_array_makes_it_null()
    {
        var fragment = new XElement(XName.Get("XmlFragment", Wsman));

        _reader.Apply(fragment, WsCimTestSchema.Element1, FragmentPath.Parse("U16A"))["U16A"].Should().BeNull();
    }

    [Theory]
    [InlineData("Stamp")]
    [InlineData("Span")]
    [InlineData("Setting")]
    [InlineData("Settings")]
    [InlineData("DTA")]
    [InlineData("SA")]
    public void What_a_fragment_get_writes_a_fragment_put_reads(string property)
    {
        var path = FragmentPath.Parse(property);
        var fragment = WriteElement(w => FragmentXmlWriter.Write(w, WsCimTestSchema.Element1, path));

        var updated = _reader.Apply(fragment, WsCimTestSchema.Element2, path);

        var expected = WsCimTestSchema.Element2.Clone();
        expected[property] = WsCimTestSchema.Element1[property];
        updated.ShouldEqualInstance(expected);
    }

    [Fact]
    public void One_entry_written_by_index_reads_back_into_that_entry()
    {
        var path = FragmentPath.Parse("DTA[2]");
        var fragment = WriteElement(w => FragmentXmlWriter.Write(w, WsCimTestSchema.Element1, path));

        var updated = _reader.Apply(fragment, WsCimTestSchema.Element1, new FragmentPath("DTA", 1));

        ((CimDateTime[])updated["DTA"]!).Select(d => d.Text).Should().Equal("2024010112****.******+000", "2024010112****.******+000", "00000000000001.000000:000");
    }

    [Theory]
    [InlineData("U16A[5]", "<p:U16A>9</p:U16A>")]
    [InlineData("U16A[1]", "<p:U16A>1</p:U16A><p:U16A>2</p:U16A>")]
    [InlineData("U16A[1]", "")]
    [InlineData("U16A", "<p:U8>1</p:U8>")]
    [InlineData("U16A", "<o:U16A xmlns:o=\"urn:other\">1</o:U16A>")]
    [InlineData("U8[2]", "<p:U8>1</p:U8>")]
    [InlineData("U16A/text()", "1")]
    [InlineData("U8/text()", "<p:U8>1</p:U8>")]
    [InlineData("Nope", "<p:Nope>1</p:Nope>")]
    public void Put_that_does_not_match_the_path_is_InvalidFragment(string path, string content)
    {
        var fragment = XElement.Parse($"""<w:XmlFragment xmlns:w="{Wsman}" xmlns:p="{ElementNs}">{content}</w:XmlFragment>""");

        Fault(() => _reader.Apply(fragment, WsCimTestSchema.Element1, FragmentPath.Parse(path))).ShouldBeFault("InvalidRepresentation", "InvalidFragment");
    }

    [Theory]
    [InlineData("U8", "<p:U8>256</p:U8>")]
    [InlineData("U8", "<p:U8>1</p:U8><p:U8>2</p:U8>")]
    [InlineData("U8/text()", "x")]
    [InlineData("U16A[1]", "<p:U16A xsi:nil=\"true\"/>")]
    [InlineData("Stamp", "<p:Stamp>later</p:Stamp>")]
    public void Put_of_a_bad_value_is_InvalidValues(string path, string content)
    {
        var fragment = XElement.Parse($"""<w:XmlFragment xmlns:w="{Wsman}" xmlns:p="{ElementNs}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{content}</w:XmlFragment>""");

        Fault(() => _reader.Apply(fragment, WsCimTestSchema.Element1, FragmentPath.Parse(path))).ShouldBeFault("InvalidRepresentation", "InvalidValues");
    }
}
