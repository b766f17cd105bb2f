using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Model;

public class CimObjectPathParseTests
{
    [Theory]
    [InlineData("//server:5988/root/cimv2:CIM_Foo.Name=\"x\"", "server:5988", "root/cimv2")]
    [InlineData("//server/root/cimv2:CIM_Foo.Name=\"x\"", "server", "root/cimv2")]
    [InlineData("/root/cimv2:CIM_Foo.Name=\"x\"", null, "root/cimv2")]
    [InlineData("root/cimv2:CIM_Foo.Name=\"x\"", null, "root/cimv2")]
    [InlineData("interop:CIM_Foo.Name=\"x\"", null, "interop")]
    [InlineData("CIM_Foo.Name=\"x\"", null, null)]
    [InlineData("/CIM_Foo.Name=\"x\"", null, null)]
    [InlineData("/:CIM_Foo.Name=\"x\"", null, null)]
    [InlineData("//server/CIM_Foo.Name=\"x\"", "server", null)]
    [InlineData("//server/:CIM_Foo.Name=\"x\"", "server", null)]
    [InlineData("http://server:5988/root/cimv2:CIM_Foo.Name=\"x\"", "server:5988", "root/cimv2")]
    [InlineData("https://server:5989/root/cimv2:CIM_Foo.Name=\"x\"", "server:5989", "root/cimv2")]
    [InlineData("wbem:/root/cimv2:CIM_Foo.Name=\"x\"", null, "root/cimv2")]
    [InlineData("https:root/cimv2:CIM_Foo.Name=\"x\"", null, "root/cimv2")]
    [InlineData("cimxml.wbem:interop:CIM_Foo.Name=\"x\"", null, "interop")]
    [InlineData("http:CIM_Foo.Name=\"x\"", null, "http")]
    [InlineData("cimxml.wbem://server/root/cimv2:CIM_Foo.Name=\"x\"", "server", "root/cimv2")]
    [InlineData("cimxml.wbems://user:secret@server:5989/root/cimv2:CIM_Foo.Name=\"x\"", "server:5989", "root/cimv2")]
    [InlineData("https://[fe80::1%25eth0]:5989/root/cimv2:CIM_Foo.Name=\"x\"", "[fe80::1%25eth0]:5989", "root/cimv2")]
    [InlineData("//10.0.0.1/root/PG_InterOp:CIM_Foo.Name=\"x\"", "10.0.0.1", "root/PG_InterOp")]
    [InlineData("/root/my-ns/v2:CIM_Foo.Name=\"x\"", null, "root/my-ns/v2")]
    [InlineData("  CIM_Foo.Name=\"x\"  ", null, null)]
    public void Parses_host_namespace_and_class(string text, string? host, string? ns)
    {
        var path = CimObjectPath.Parse(text);

        path.Host.Should().Be(host);
        path.Namespace.Should().Be(ns);
        path.ClassName.Should().Be("CIM_Foo");
        path.KeyBindings.Should().ContainSingle().Which.Should().Be(new CimKeyBinding("Name", "x", CimType.String));
        path.FindKey("name")!.Value.Should().Be("x");
    }

    [Theory]
    [InlineData("CIM_Foo", null)]
    [InlineData("root/cimv2:CIM_Foo", "root/cimv2")]
    [InlineData("//h/root:CIM_Foo", "root")]
    public void Parses_class_paths(string text, string? ns)
    {
        var path = CimObjectPath.Parse(text);

        path.IsClassPath.Should().BeTrue();
        path.ClassName.Should().Be("CIM_Foo");
        path.Namespace.Should().Be(ns);
    }

    [Theory]
    [InlineData("\"hello\"", "hello", CimType.String)]
    [InlineData("\"\"", "", CimType.String)]
    [InlineData("\"a \\\"quoted\\\" \\\\ back\"", "a \"quoted\" \\ back", CimType.String)]
    [InlineData("\"comma, dot. = (paren)\"", "comma, dot. = (paren)", CimType.String)]
    [InlineData("\"Grüße 日本 😀\"", "Grüße 日本 😀", CimType.String)]
    [InlineData("TRUE", true, CimType.Boolean)]
    [InlineData("false", false, CimType.Boolean)]
    [InlineData("True", true, CimType.Boolean)]
    [InlineData("42", 42L, CimType.SInt64)]
    [InlineData("-42", -42L, CimType.SInt64)]
    [InlineData("+7", 7L, CimType.SInt64)]
    [InlineData("0x1F", 31L, CimType.SInt64)]
    [InlineData("-0x10", -16L, CimType.SInt64)]
    [InlineData("9223372036854775807", long.MaxValue, CimType.SInt64)]
    [InlineData("-9223372036854775808", long.MinValue, CimType.SInt64)]
    [InlineData("9223372036854775808", 9223372036854775808UL, CimType.UInt64)]
    [InlineData("18446744073709551615", ulong.MaxValue, CimType.UInt64)]
    [InlineData("0xFFFFFFFFFFFFFFFF", ulong.MaxValue, CimType.UInt64)]
    [InlineData("1.5", 1.5, CimType.Real64)]
    [InlineData("-0.25", -0.25, CimType.Real64)]
    [InlineData(".5", 0.5, CimType.Real64)]
    [InlineData("1e3", 1000.0, CimType.Real64)]
    [InlineData("2.5E-3", 0.0025, CimType.Real64)]
    [InlineData("NaN", double.NaN, CimType.Real64)]
    [InlineData("-INF", double.NegativeInfinity, CimType.Real64)]
    [InlineData("Infinity", double.PositiveInfinity, CimType.Real64)]
    public void Types_untyped_key_values(string valueText, object expected, CimType type)
    {
        var key = CimObjectPath.Parse($"CIM_Foo.K={valueText}").KeyBindings.Single();

        key.Type.Should().Be(type);
        key.Value.Should().BeOfType(expected.GetType());
        key.Value.Should().Be(expected);
    }

    [Fact]
    public void Quoted_nested_path_stays_a_string()
    {
        var key = CimObjectPath.Parse("CIM_Assoc.Ref=\"/root:CIM_Bar.Id=\\\"a\\\"\"").KeyBindings.Single();

        key.Type.Should().Be(CimType.String);
        key.Value.Should().Be("/root:CIM_Bar.Id=\"a\"");
    }

    [Theory]
    [InlineData("(uint8)255", (byte)255, CimType.UInt8)]
    [InlineData("(sint8)-128", (sbyte)-128, CimType.SInt8)]
    [InlineData("(uint16)5", (ushort)5, CimType.UInt16)]
    [InlineData("(sint16)-5", (short)-5, CimType.SInt16)]
    [InlineData("(uint32)0xFF", 255U, CimType.UInt32)]
    [InlineData("(sint32)-7", -7, CimType.SInt32)]
    [InlineData("(uint64)18446744073709551615", ulong.MaxValue, CimType.UInt64)]
    [InlineData("(sint64)5", 5L, CimType.SInt64)]
    [InlineData("(real32)1.5", 1.5f, CimType.Real32)]
    [InlineData("(real64)2", 2.0, CimType.Real64)]
    [InlineData("(boolean)true", true, CimType.Boolean)]
    [InlineData("(char16)\"x\"", 'x', CimType.Char16)]
    [InlineData("(string)\"5\"", "5", CimType.String)]
    [InlineData("( UINT16 )7", (ushort)7, CimType.UInt16)]
    [InlineData("(uint16)\"9\"", (ushort)9, CimType.UInt16)]
    public void Types_DSP0207_typed_values(string valueText, object expected, CimType type)
    {
        var key = CimObjectPath.Parse($"CIM_Foo.K={valueText}").KeyBindings.Single();

        key.Type.Should().Be(type);
        key.Value.Should().BeOfType(expected.GetType());
        key.Value.Should().Be(expected);
    }

    [Fact]
    public void Typed_datetime_and_reference_values_get_their_types()
    {
        var path = CimObjectPath.Parse(
            "/root:CIM_Assoc.When=(datetime)\"20240101000000.000000+000\",Ref=(reference)\"//h/root/x:CIM_Bar.Id=\\\"a\\\",N=5\"");

        var when = path.FindKey("When")!;
        when.Type.Should().Be(CimType.DateTime);
        when.Value.Should().Be(CimDateTime.Parse("20240101000000.000000+000"));

        var reference = path.FindKey("Ref")!;
        reference.Type.Should().Be(CimType.Reference);
        var target = reference.Value.Should().BeOfType<CimObjectPath>().Subject;
        target.Host.Should().Be("h");
        target.Namespace.Should().Be("root/x");
        target.ClassName.Should().Be("CIM_Bar");
        target.FindKey("Id")!.Value.Should().Be("a");
        target.FindKey("N")!.Value.Should().Be(5L);
    }

    [Fact]
    public void Several_keys_are_sorted_and_blanks_around_separators_are_allowed()
    {
        var path = CimObjectPath.Parse("root/cimv2:CIM_Foo.Zeta = 1 , alpha=\"a\",  Mid =TRUE");

        path.KeyBindings.Select(k => k.Name).Should().Equal("alpha", "Mid", "Zeta");
        path.FindKey("ZETA")!.Value.Should().Be(1L);
    }

    [Fact]
    public void Unicode_names_parse()
    {
        var path = CimObjectPath.Parse("/wurzel/größe:Klasse_Ä.Schlüssel=\"wert\"");

        path.Namespace.Should().Be("wurzel/größe");
        path.ClassName.Should().Be("Klasse_Ä");
        path.KeyBindings.Single().Name.Should().Be("Schlüssel");
    }

    [Theory]
    [InlineData("", 1, "expected namespace or class name, found end of text")]
    [InlineData("CIM_Foo.", 9, "expected key name, found end of text")]
    [InlineData("CIM_Foo.K", 10, "expected '='")]
    [InlineData("CIM_Foo.K=", 11, "expected a key value")]
    [InlineData("CIM_Foo.K=,", 11, "expected a key value")]
    [InlineData("CIM_Foo.K=1,", 13, "expected key name, found end of text")]
    [InlineData("CIM_Foo.K=1,2=3", 13, "expected key name, found '2'")]
    [InlineData("CIM_Foo.K=\"abc", 15, "expected closing '\"', found end of text")]
    [InlineData("CIM_Foo.K=\"a\\nb\"", 14, "after '\\'")]
    [InlineData("CIM_Foo.K=abc", 11, "invalid key value 'abc'")]
    [InlineData("CIM_Foo.K=1 2", 13, "expected ',' or end of path, found '2'")]
    [InlineData("CIM_Foo.K=1.2.3", 11, "invalid key value '1.2.3'")]
    [InlineData("CIM_Foo=5", 8, "expected '.' and key bindings or end of path, found '='")]
    [InlineData("CIM_Foo.K=18446744073709551616", 11, "out of range")]
    [InlineData("CIM_Foo.K=1,k=2", 13, "key 'k' is given more than once")]
    [InlineData("CIM_Foo.K=(uint8)256", 18, "value 256 is out of range for uint8")]
    [InlineData("CIM_Foo.K=(foo)1", 12, "unknown type 'foo'")]
    [InlineData("CIM_Foo.K=(uint8", 17, "expected ')'")]
    [InlineData("CIM_Foo.K=(string)abc", 19, "expected a quoted value after (string)")]
    [InlineData("CIM_Foo.K=(char16)\"ab\"", 19, "char16")]
    [InlineData("CIM_Foo.K=(datetime)\"2024\"", 21, "exactly 25 characters")]
    [InlineData("CIM_Foo.K=(reference)\"CIM_Bar.X=\"", 22, "invalid reference value \"CIM_Bar.X=\": column 11 of the quoted path: expected a key value")]
    [InlineData("root/cimv2/CIM_Foo", 19, "expected ':' and a class name after the namespace")]
    [InlineData("root/:CIM_Foo", 6, "expected namespace name after '/'")]
    [InlineData("root:", 6, "expected class name, found end of text")]
    [InlineData("root:1abc", 6, "expected class name, found '1'")]
    [InlineData("my-class.K=1", 1, "'my-class' is not a valid class name")]
    [InlineData("//", 3, "expected host name")]
    [InlineData("//host", 7, "expected '/' after the host, found end of text")]
    [InlineData("http://host", 12, "expected '/' after the host")]
    public void Reports_column_and_expectation(string text, int column, string expected)
    {
        CimObjectPath.TryParse(text, out var path, out var error).Should().BeFalse();

        path.Should().BeNull();
        error.Should().Contain($"'{text}'").And.Contain($"column {column}:").And.Contain(expected);
    }

    [Fact]
    public void Parse_throws_invalid_parameter()
    {
        var act = () => CimObjectPath.Parse("CIM_Foo.K=");

        act.Should().Throw<CimException>()
            .Where(e => e.StatusCode == CimStatusCode.InvalidParameter)
            .WithMessage("*column 11*expected a key value*");
    }

    [Fact]
    public void TryParse_null_fails_without_throwing()
    {
        CimObjectPath.TryParse(null!, out var path, out var error).Should().BeFalse();
        path.Should().BeNull();
        error.Should().NotBeEmpty();
    }
}
