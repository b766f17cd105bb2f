using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Cim;
using FluentAssertions;
using Xunit;
using static CimCloud.WsManEndpoint.Tests.Cim.XmlTestSupport;

namespace CimCloud.WsManEndpoint.Tests.Cim;

/// <summary>Write an instance, read the element back: the same values for every CIM type.</summary>
public sealed class InstanceRoundTripTests
{
    private readonly InstanceXmlReader _reader = new(WsCimTestSchema.Lookup);

    public static TheoryData<string> Instances => ["Element1", "Element2", "System", "Link", "Nested"];

    [Theory]
    [MemberData(nameof(Instances))]
    public void Instances_round_trip(string which)
    {
        var original = Pick(which);

        var back = RoundTrip(original);

        back.ShouldEqualInstance(original);
        back.IsReadOnly.Should().BeFalse();
        back.Namespace.Should().Be("root/cimv2");
    }

    [Fact]
    public void Every_type_keeps_its_clr_type()
    {
        var back = RoundTrip(WsCimTestSchema.Element1);

        back["B"].Should().Be(true);
        back["U8"].Should().Be((byte)255);
        back["S8"].Should().Be((sbyte)-128);
        back["U16"].Should().Be((ushort)65535);
        back["S16"].Should().Be((short)-32768);
        back["U32"].Should().Be(uint.MaxValue);
        back["S32"].Should().Be(int.MinValue);
        back["U64"].Should().Be(ulong.MaxValue);
        back["S64"].Should().Be(long.MinValue);
        back["R32"].Should().Be(1.5f);
        back["R64"].Should().Be(-2.25e-10);
        back["C16"].Should().Be('x');
        back["S"].Should().Be("  spaced  ");
        back["Stamp"].Should().Be(CimDateTime.Parse("20261127101530.000005+060"));
        back["Span"].Should().Be(CimDateTime.Parse("00000001020304.000005:000"));
        back["SA"].Should().BeEquivalentTo(new[] { "a", null, "" }, o => o.WithStrictOrdering());
        back["DTA"].Should().BeOfType<CimDateTime[]>().Which.Select(d => d.Text)
            .Should().Equal("20240101000000.000000+000", "2024010112****.******+000", "00000000000001.000000:000");
        var settings = back["Settings"].Should().BeOfType<CimInstance[]>().Which;
        settings.Select(s => s.ClassName).Should().Equal("Test_Setting", "Test_DerivedSetting");
        settings[1]["Extra"].Should().Be(true);
        ((CimInstance)back["Setting"]!)["When"].Should().Be(CimDateTime.Parse("20250102030405.000000-300"));
    }

    [Theory]
    [InlineData("Stamp", "00000101000000.000000+000")]
    [InlineData("Stamp", "20240101000000.000000-999")]
    [InlineData("Stamp", "99991231235959.999999+840")]
    [InlineData("Stamp", "2024**********.******+000")]
    [InlineData("Stamp", "20240101120000.12****+000")]
    [InlineData("Span", "99999999235959.999999:000")]
    [InlineData("Span", "**************.******:000")]
    public void Datetime_edge_values_round_trip(string property, string text)
    {
        var instance = WsCimTestSchema.Element2.Clone();
        instance[property] = CimDateTime.Parse(text);

        RoundTrip(instance).ShouldEqualInstance(instance);
    }

    [Fact]
    public void Special_reals_and_characters_round_trip()
    {
        var instance = WsCimTestSchema.Element2.Clone();
        instance["R32"] = float.NegativeInfinity;
        instance["R64"] = double.NaN;
        instance["R64A"] = new[] { double.PositiveInfinity, double.Epsilon, -0.0, 1.0 / 3 };
        instance["C16"] = '<';
        instance["CA"] = new[] { '&', ' ', '"' };
        instance["S"] = "tab\tand unicode \u00e9\u4e2d";

        var back = RoundTrip(instance);

        back.ShouldEqualInstance(instance);
        ((double[])back["R64A"]!)[3].Should().Be(1.0 / 3);
    }

    [Fact]
    public void Reference_keys_nested_in_reference_keys_round_trip()
    {
        var back = RoundTrip(WsCimTestSchema.Nested);

        var link = (CimObjectPath)back["Link"]!;
        link.Should().Be(WsCimTestSchema.Link.Path);
        var antecedent = (CimObjectPath)link.FindKey("Antecedent")!.Value;
        antecedent.ClassName.Should().Be("Test_Element");
        antecedent.FindKey("InstanceID")!.Value.Should().Be("e1");
        back.Path.Should().Be(WsCimTestSchema.Nested.Path);
    }

    [Fact]
    public void Rendering_as_a_base_class_reads_back_as_the_base_class()
    {
        var baseClass = WsCimTestSchema.Class("Test_Base");
        var element = WriteElement(w => InstanceXmlWriter.WriteInstance(w, WsCimTestSchema.Element1, new InstanceWriteOptions { RenderAs = baseClass }));

        var back = _reader.Read(element, baseClass);

        back.ClassName.Should().Be("Test_Base");
        back["InstanceID"].Should().Be("e1");
        back["Caption"].Should().Be(WsCimTestSchema.Element1["Caption"]);
    }

    private CimInstance RoundTrip(CimInstance instance)
    {
        var element = WriteElement(w => InstanceXmlWriter.WriteInstance(w, instance));
        return _reader.Read(element, instance.Class, "root/cimv2");
    }

    private static CimInstance Pick(string which) => which switch
    {
        "Element1" => WsCimTestSchema.Element1,
        "Element2" => WsCimTestSchema.Element2,
        "System" => WsCimTestSchema.System,
        "Link" => WsCimTestSchema.Link,
        _ => WsCimTestSchema.Nested,
    };
}
