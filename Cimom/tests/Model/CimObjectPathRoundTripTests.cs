using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Model;

public class CimObjectPathRoundTripTests
{
    private static CimObjectPath RoundTrip(CimObjectPath path)
    {
        var text = path.ToString();
        CimObjectPath.TryParse(text, out var parsed, out var error).Should().BeTrue($"'{text}' should parse: {error}");
        parsed!.Should().Be(path, $"'{text}' should parse back to an equal path");
        parsed!.CanonicalForm.Should().Be(path.CanonicalForm);
        parsed!.Host.Should().Be(path.Host);
        parsed!.ToString().Should().Be(text);
        return parsed!;
    }

    [Fact]
    public void ToString_writes_WBEM_URI_form()
    {
        var path = new CimObjectPath("host", "root/cimv2", "CIM_Foo",
            [new CimKeyBinding("Name", "v", CimType.String), new CimKeyBinding("N", 5L, CimType.SInt64)]);

        path.ToString().Should().Be("//host/root/cimv2:CIM_Foo.N=5,Name=\"v\"");
    }

    [Fact]
    public void Host_without_namespace_round_trips()
    {
        var path = new CimObjectPath("host:5988", null, "CIM_Foo", [new CimKeyBinding("K", 1L, CimType.SInt64)]);

        path.ToString().Should().Be("//host:5988/CIM_Foo.K=1");
        RoundTrip(path);
    }

    [Fact]
    public void Class_paths_round_trip()
    {
        RoundTrip(new CimObjectPath(null, "CIM_Foo"));
        RoundTrip(new CimObjectPath("root/cimv2", "CIM_Foo"));
        RoundTrip(new CimObjectPath("h", "root", "CIM_Foo"));
    }

    [Fact]
    public void All_scalar_key_types_round_trip()
    {
        var path = new CimObjectPath("root/test", "CIM_AllKeys",
        [
            new CimKeyBinding("S", "plain", CimType.String),
            new CimKeyBinding("Esc", "quote \" backslash \\ end\\", CimType.String),
            new CimKeyBinding("Empty", string.Empty, CimType.String),
            new CimKeyBinding("Uni", "Grüße, 日本語 😀 (x=y.z)", CimType.String),
            new CimKeyBinding("C", 'q', CimType.Char16),
            new CimKeyBinding("B", true, CimType.Boolean),
            new CimKeyBinding("F", false, CimType.Boolean),
            new CimKeyBinding("U8", (byte)255, CimType.UInt8),
            new CimKeyBinding("S8", (sbyte)-128, CimType.SInt8),
            new CimKeyBinding("U16", (ushort)65535, CimType.UInt16),
            new CimKeyBinding("S16", (short)-32768, CimType.SInt16),
            new CimKeyBinding("U32", uint.MaxValue, CimType.UInt32),
            new CimKeyBinding("S32", int.MinValue, CimType.SInt32),
            new CimKeyBinding("U64", ulong.MaxValue, CimType.UInt64),
            new CimKeyBinding("S64", long.MinValue, CimType.SInt64),
            new CimKeyBinding("R32", 1.5f, CimType.Real32),
            new CimKeyBinding("R64", 0.1, CimType.Real64),
            new CimKeyBinding("Whole", 3.0, CimType.Real64),
            new CimKeyBinding("Big", 1e300, CimType.Real64),
            new CimKeyBinding("Tiny", -4.9e-324, CimType.Real64),
            new CimKeyBinding("NaN", double.NaN, CimType.Real64),
            new CimKeyBinding("NegInf", double.NegativeInfinity, CimType.Real64),
            new CimKeyBinding("When", CimDateTime.Parse("20240229134501.123456-300"), CimType.DateTime),
            new CimKeyBinding("Span", CimDateTime.Parse("00000001******.******:000"), CimType.DateTime),
        ]);

        var parsed = RoundTrip(path);

        parsed.FindKey("Whole")!.Value.Should().Be(3.0, "a whole real is written as 3.0 and stays real");
        parsed.FindKey("Whole")!.Type.Should().Be(CimType.Real64);
        parsed.FindKey("When")!.Value.Should().BeOfType<CimDateTime>();
        parsed.FindKey("When")!.Type.Should().Be(CimType.DateTime);
        parsed.FindKey("U64")!.Type.Should().Be(CimType.UInt64);
        parsed.FindKey("Esc")!.Value.Should().Be("quote \" backslash \\ end\\");
        parsed.FindKey("Uni")!.Value.Should().Be("Grüße, 日本語 😀 (x=y.z)");
    }

    [Fact]
    public void Nested_reference_values_round_trip()
    {
        var inner = new CimObjectPath("otherhost", "root/inner", "CIM_Inner",
            [new CimKeyBinding("Id", "a \"q\" \\ ü", CimType.String), new CimKeyBinding("N", 7L, CimType.SInt64)]);
        var middle = new CimObjectPath(null, "root/mid", "CIM_Middle",
            [new CimKeyBinding("Ref", inner, CimType.Reference), new CimKeyBinding("Name", "m,.=", CimType.String)]);
        var outer = new CimObjectPath("h", "root/cimv2", "CIM_Outer",
            [new CimKeyBinding("Antecedent", middle, CimType.Reference), new CimKeyBinding("Dependent", inner, CimType.Reference)]);

        var parsed = RoundTrip(outer);

        var m = parsed.FindKey("Antecedent")!.Value.Should().BeOfType<CimObjectPath>().Subject;
        m.Should().Be(middle);
        var i = m.FindKey("Ref")!.Value.Should().BeOfType<CimObjectPath>().Subject;
        i.Should().Be(inner);
        i.Host.Should().Be("otherhost");
        i.FindKey("Id")!.Value.Should().Be("a \"q\" \\ ü");
    }

    [Fact]
    public void ToString_types_reference_and_datetime_values()
    {
        var target = new CimObjectPath("root", "CIM_Bar", [new CimKeyBinding("Id", "x", CimType.String)]);
        var path = new CimObjectPath(null, "CIM_Assoc",
        [
            new CimKeyBinding("Ref", target, CimType.Reference),
            new CimKeyBinding("When", CimDateTime.Parse("20240101000000.000000+000"), CimType.DateTime),
        ]);

        path.ToString().Should().Be("CIM_Assoc.Ref=(reference)\"/root:CIM_Bar.Id=\\\"x\\\"\",When=(datetime)\"20240101000000.000000+000\"");
    }

    [Fact]
    public void Canonical_form_lowercases_names_sorts_keys_and_keeps_value_case()
    {
        var path = CimObjectPath.Parse("//HostA/ROOT/CimV2:CIM_Foo.Name=\"MixedCase\",id=5,Active=TRUE");

        path.CanonicalForm.Should().Be("root/cimv2:cim_foo.active=TRUE,id=5,name=\"MixedCase\"");
        path.ToString().Should().Be("//HostA/ROOT/CimV2:CIM_Foo.Active=TRUE,id=5,Name=\"MixedCase\"");
    }

    [Fact]
    public void Equality_ignores_host_and_name_case_but_not_value_case()
    {
        var a = CimObjectPath.Parse("//a:5988/root/cimv2:CIM_Foo.Name=\"x\",Id=5");
        var b = CimObjectPath.Parse("https://b/ROOT/CIMV2:cim_foo.ID=(uint16)5,NAME=\"x\"");
        var noHost = CimObjectPath.Parse("root/cimv2:CIM_Foo.Name=\"x\",Id=5");
        var otherValue = CimObjectPath.Parse("root/cimv2:CIM_Foo.Name=\"X\",Id=5");

        a.Should().Be(b);
        a.Should().Be(noHost);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(otherValue);
        a.Should().NotBe(CimObjectPath.Parse("root/cimv2:CIM_Foo.Name=\"x\",Id=6"));
        a.Should().NotBe(CimObjectPath.Parse("root:CIM_Foo.Name=\"x\",Id=5"));
    }

    [Fact]
    public void Parsed_paths_equal_constructed_paths()
    {
        var constructed = new CimObjectPath("root/cimv2", "CIM_Foo",
            [new CimKeyBinding("Name", "x", CimType.String), new CimKeyBinding("Id", (ushort)5, CimType.UInt16)]);

        CimObjectPath.Parse("/root/cimv2:CIM_Foo.Id=5,Name=\"x\"").Should().Be(constructed);
    }
}
