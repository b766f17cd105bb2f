using System.Numerics;
using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Model;

public class CimValueConverterTests
{
    private static CimDataType S(CimType t) => CimDataType.Scalar(t);

    private static CimDataType A(CimType t) => CimDataType.ArrayOf(t);

    private static void ShouldFail(Func<object?> act, CimStatusCode code, string message) =>
        act.Should().Throw<CimException>().Where(e => e.StatusCode == code).WithMessage(message);

    public static TheoryData<CimType, object, object> IntegerBounds => new()
    {
        { CimType.UInt8, 0L, (byte)0 },
        { CimType.UInt8, 255L, (byte)255 },
        { CimType.SInt8, -128L, (sbyte)-128 },
        { CimType.SInt8, 127L, (sbyte)127 },
        { CimType.UInt16, 0L, (ushort)0 },
        { CimType.UInt16, 65535L, (ushort)65535 },
        { CimType.SInt16, -32768L, (short)-32768 },
        { CimType.SInt16, 32767L, (short)32767 },
        { CimType.UInt32, 0L, 0U },
        { CimType.UInt32, 4294967295L, uint.MaxValue },
        { CimType.SInt32, -2147483648L, int.MinValue },
        { CimType.SInt32, 2147483647L, int.MaxValue },
        { CimType.UInt64, 0L, 0UL },
        { CimType.UInt64, ulong.MaxValue, ulong.MaxValue },
        { CimType.SInt64, long.MinValue, long.MinValue },
        { CimType.SInt64, long.MaxValue, long.MaxValue },
    };

    [Theory]
    [MemberData(nameof(IntegerBounds))]
    public void Converts_integers_at_both_ends_of_every_range(CimType type, object input, object expected)
    {
        var result = CimValueConverter.Convert(input, S(type));

        result.Should().BeOfType(expected.GetType()).And.Be(expected);
        CimValueConverter.Convert((Int128)CimValueComparer.ToInt128(input), S(type)).Should().Be(expected);
        CimValueConverter.Convert((BigInteger)CimValueComparer.ToInt128(input), S(type)).Should().Be(expected);
        var text = CimValueConverter.ToText(expected);
        CimValueConverter.FromText(text, S(type)).Should().BeOfType(expected.GetType()).And.Be(expected);
    }

    [Theory]
    [InlineData(CimType.UInt8, "-1", "256")]
    [InlineData(CimType.SInt8, "-129", "128")]
    [InlineData(CimType.UInt16, "-1", "65536")]
    [InlineData(CimType.SInt16, "-32769", "32768")]
    [InlineData(CimType.UInt32, "-1", "4294967296")]
    [InlineData(CimType.SInt32, "-2147483649", "2147483648")]
    [InlineData(CimType.UInt64, "-1", "18446744073709551616")]
    [InlineData(CimType.SInt64, "-9223372036854775809", "9223372036854775808")]
    public void Rejects_integers_just_outside_every_range(CimType type, string below, string above)
    {
        var name = CimTypeInfo.ToMofName(type);
        foreach (var text in new[] { below, above })
        {
            var big = BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            ShouldFail(() => CimValueConverter.Convert(big, S(type)), CimStatusCode.InvalidParameter, $"value {text} is out of range for {name}");
            ShouldFail(() => CimValueConverter.Convert((Int128)big, S(type)), CimStatusCode.InvalidParameter, $"value {text} is out of range for {name}");
            ShouldFail(() => CimValueConverter.FromText(text, S(type)), CimStatusCode.InvalidParameter, $"value {text} is out of range for {name}");
            ShouldFail(() => CimValueConverter.Convert(text, S(type)), CimStatusCode.InvalidParameter, $"value {text} is out of range for {name}");
        }
    }

    [Fact]
    public void Range_message_matches_the_documented_example() =>
        ShouldFail(() => CimValueConverter.Convert(256, S(CimType.UInt8)), CimStatusCode.InvalidParameter, "value 256 is out of range for uint8");

    [Fact]
    public void Accepts_every_clr_integer_kind()
    {
        var inputs = new object[] { (byte)5, (sbyte)5, (short)5, (ushort)5, 5, 5U, 5L, 5UL, (nint)5, (nuint)5, (Int128)5, (UInt128)5, new BigInteger(5) };
        foreach (var input in inputs)
        {
            CimValueConverter.Convert(input, S(CimType.SInt16)).Should().Be((short)5, input.GetType().Name);
            CimValueConverter.Convert(input, S(CimType.Real64)).Should().Be(5.0, input.GetType().Name);
        }

        ShouldFail(() => CimValueConverter.Convert(UInt128.MaxValue, S(CimType.UInt64)), CimStatusCode.InvalidParameter, "*out of range for uint64");
        ShouldFail(() => CimValueConverter.Convert(BigInteger.Pow(2, 200), S(CimType.SInt64)), CimStatusCode.InvalidParameter, "*out of range for sint64");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5f)]
    public void Real_to_integer_is_a_type_mismatch(object real) =>
        ShouldFail(() => CimValueConverter.Convert(real, S(CimType.SInt32)), CimStatusCode.TypeMismatch, "*real*sint32*");

    [Fact]
    public void Decimal_and_bool_to_integer_are_type_mismatches()
    {
        ShouldFail(() => CimValueConverter.Convert(1m, S(CimType.UInt8)), CimStatusCode.TypeMismatch, "*uint8*");
        ShouldFail(() => CimValueConverter.Convert(true, S(CimType.UInt8)), CimStatusCode.TypeMismatch, "*Boolean*uint8*");
        ShouldFail(() => CimValueConverter.Convert('a', S(CimType.UInt16)), CimStatusCode.TypeMismatch, "*Char*uint16*");
    }

    [Fact]
    public void Converts_to_reals()
    {
        CimValueConverter.Convert(3, S(CimType.Real32)).Should().BeOfType<float>().And.Be(3f);
        CimValueConverter.Convert(long.MaxValue, S(CimType.Real64)).Should().Be((double)long.MaxValue);
        CimValueConverter.Convert(1.5f, S(CimType.Real64)).Should().BeOfType<double>().And.Be(1.5);
        CimValueConverter.Convert(0.25, S(CimType.Real32)).Should().BeOfType<float>().And.Be(0.25f);
        CimValueConverter.Convert(2.5m, S(CimType.Real64)).Should().Be(2.5);
        CimValueConverter.Convert((Half)0.5, S(CimType.Real32)).Should().Be(0.5f);
        CimValueConverter.Convert(double.NaN, S(CimType.Real32)).Should().BeOfType<float>().Which.Should().Be(float.NaN);
        CimValueConverter.Convert(double.PositiveInfinity, S(CimType.Real32)).Should().Be(float.PositiveInfinity);
        CimValueConverter.Convert("1.25", S(CimType.Real64)).Should().Be(1.25);
        ShouldFail(() => CimValueConverter.Convert(1e300, S(CimType.Real32)), CimStatusCode.InvalidParameter, "value 1E+300 is out of range for real32");
        ShouldFail(() => CimValueConverter.Convert(BigInteger.Pow(10, 400), S(CimType.Real64)), CimStatusCode.InvalidParameter, "*out of range for real64");
        ShouldFail(() => CimValueConverter.Convert(true, S(CimType.Real64)), CimStatusCode.TypeMismatch, "*real64*");
    }

    [Fact]
    public void Returns_values_of_the_right_type_unchanged()
    {
        var s = "text";
        var path = CimObjectPath.Parse("CIM_Foo.K=1");
        var dt = CimDateTime.Parse("20240101000000.000000+000");
        var arr = new ushort[] { 1, 2 };

        CimValueConverter.Convert(s, S(CimType.String)).Should().BeSameAs(s);
        CimValueConverter.Convert(path, S(CimType.Reference)).Should().BeSameAs(path);
        CimValueConverter.Convert(dt, S(CimType.DateTime)).Should().BeSameAs(dt);
        CimValueConverter.Convert(arr, A(CimType.UInt16)).Should().BeSameAs(arr);
        CimValueConverter.Convert(true, S(CimType.Boolean)).Should().Be(true);
        CimValueConverter.Convert('x', S(CimType.Char16)).Should().Be('x');
    }

    [Fact]
    public void Null_converts_to_null()
    {
        CimValueConverter.Convert(null, S(CimType.UInt8)).Should().BeNull();
        CimValueConverter.Convert(null, A(CimType.String)).Should().BeNull();
        CimValueConverter.Convert(null, S(CimType.Instance)).Should().BeNull();
    }

    [Fact]
    public void Converts_strings_chars_booleans()
    {
        CimValueConverter.Convert('c', S(CimType.String)).Should().Be("c");
        CimValueConverter.Convert("c", S(CimType.Char16)).Should().Be('c');
        CimValueConverter.Convert("TRUE", S(CimType.Boolean)).Should().Be(true);
        ShouldFail(() => CimValueConverter.Convert(5, S(CimType.String)), CimStatusCode.TypeMismatch, "*Int32*string*");
        ShouldFail(() => CimValueConverter.Convert(1, S(CimType.Boolean)), CimStatusCode.TypeMismatch, "*boolean*");
        ShouldFail(() => CimValueConverter.Convert("ab", S(CimType.Char16)), CimStatusCode.InvalidParameter, "'ab' is not a valid char16 value*");
    }

    [Fact]
    public void Converts_datetimes()
    {
        var dto = new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));
        CimValueConverter.Convert(dto, S(CimType.DateTime)).Should().Be(CimDateTime.Parse("20240304050607.000000+120"));
        CimValueConverter.Convert(TimeSpan.FromDays(3), S(CimType.DateTime)).Should().Be(CimDateTime.Parse("00000003000000.000000:000"));
        CimValueConverter.Convert(new DateTime(2024, 3, 4, 5, 6, 7, DateTimeKind.Utc), S(CimType.DateTime))
            .Should().Be(CimDateTime.Parse("20240304050607.000000+000"));
        CimValueConverter.Convert(new DateTime(2024, 3, 4, 5, 6, 7, DateTimeKind.Unspecified), S(CimType.DateTime))
            .Should().Be(CimDateTime.Parse("20240304050607.000000+000"));
        CimValueConverter.Convert("20240304050607.000000+000", S(CimType.DateTime)).Should().BeOfType<CimDateTime>();
        ShouldFail(() => CimValueConverter.Convert("2024", S(CimType.DateTime)), CimStatusCode.InvalidParameter, "'2024' is not a valid datetime value*25 characters*");
        ShouldFail(() => CimValueConverter.Convert(TimeSpan.FromSeconds(-1), S(CimType.DateTime)), CimStatusCode.InvalidParameter, "*negative*");
        ShouldFail(() => CimValueConverter.Convert(5, S(CimType.DateTime)), CimStatusCode.TypeMismatch, "*datetime*");
    }

    [Fact]
    public void Converts_references_from_strings_and_instances()
    {
        CimValueConverter.Convert("/root:CIM_Foo.K=\"a\"", S(CimType.Reference))
            .Should().Be(new CimObjectPath("root", "CIM_Foo", [new CimKeyBinding("K", "a", CimType.String)]));

        var instance = new CimInstance(TestClass(), "root/x");
        instance["Id"] = "abc";
        CimValueConverter.Convert(instance, S(CimType.Reference)).Should().Be(CimObjectPath.Parse("root/x:Test_Class.Id=\"abc\""));

        ShouldFail(() => CimValueConverter.Convert("not a path!", S(CimType.Reference)), CimStatusCode.InvalidParameter, "*not a valid reference value*column*");
        ShouldFail(() => CimValueConverter.Convert(5, S(CimType.Reference)), CimStatusCode.TypeMismatch, "*reference*");
    }

    [Fact]
    public void Instance_type_accepts_only_instances()
    {
        var instance = new CimInstance(TestClass());

        CimValueConverter.Convert(instance, S(CimType.Instance)).Should().BeSameAs(instance);
        ShouldFail(() => CimValueConverter.Convert("instance of Foo {};", S(CimType.Instance)), CimStatusCode.TypeMismatch, "*instance*");
        ShouldFail(() => CimValueConverter.Convert(CimObjectPath.Parse("Foo"), S(CimType.Instance)), CimStatusCode.TypeMismatch, "*instance*");
        ShouldFail(() => CimValueConverter.FromText("x", S(CimType.Instance)), CimStatusCode.InvalidParameter, "*embedded instance*");
    }

    [Fact]
    public void Converts_arrays_to_typed_arrays()
    {
        CimValueConverter.Convert(new List<int> { 1, 2, 65535 }, A(CimType.UInt16))
            .Should().BeOfType<ushort[]>().Which.Should().Equal(1, 2, 65535);
        CimValueConverter.Convert(new object[] { "1", 2L, (byte)3 }, A(CimType.UInt8))
            .Should().BeOfType<byte[]>().Which.Should().Equal(1, 2, 3);
        CimValueConverter.Convert(new[] { "a", null, "c" }, A(CimType.String))
            .Should().BeOfType<string[]>().Which.Should().Equal("a", null, "c");
        CimValueConverter.Convert(new List<string> { "CIM_A.K=1", "root:CIM_B" }, A(CimType.Reference))
            .Should().BeOfType<CimObjectPath[]>().Which.Should().HaveCount(2);
        CimValueConverter.Convert(new[] { "20240101000000.000000+000" }, A(CimType.DateTime))
            .Should().BeOfType<CimDateTime[]>();
        CimValueConverter.Convert(Enumerable.Range(0, 3).Select(i => i * 1.5), A(CimType.Real32))
            .Should().BeOfType<float[]>().Which.Should().Equal(0f, 1.5f, 3f);
        CimValueConverter.Convert(Array.Empty<object>(), A(CimType.Boolean)).Should().BeOfType<bool[]>().Which.Should().BeEmpty();
        CimValueConverter.Convert(new[] { 'a', 'b' }, A(CimType.Char16)).Should().BeOfType<char[]>();
    }

    [Fact]
    public void Array_errors_name_the_element()
    {
        ShouldFail(() => CimValueConverter.Convert(new object[] { 1, 256 }, A(CimType.UInt8)), CimStatusCode.InvalidParameter, "element [1]: value 256 is out of range for uint8");
        ShouldFail(() => CimValueConverter.Convert(new object?[] { 1, null }, A(CimType.UInt8)), CimStatusCode.InvalidParameter, "element [1] is null*");
        ShouldFail(() => CimValueConverter.Convert(new object[] { 1.5 }, A(CimType.SInt32)), CimStatusCode.TypeMismatch, "element [0]: *real*");
        ShouldFail(() => CimValueConverter.Convert(5, A(CimType.UInt8)), CimStatusCode.TypeMismatch, "*array*");
        ShouldFail(() => CimValueConverter.Convert("abc", A(CimType.Char16)), CimStatusCode.TypeMismatch, "*array*");
        ShouldFail(() => CimValueConverter.Convert(new[] { 1, 2 }, S(CimType.UInt8)), CimStatusCode.TypeMismatch, "*array*scalar*");
    }

    [Theory]
    [InlineData("42", CimType.UInt8, (byte)42)]
    [InlineData(" 42 ", CimType.UInt8, (byte)42)]
    [InlineData("+42", CimType.SInt8, (sbyte)42)]
    [InlineData("-0x80", CimType.SInt8, (sbyte)-128)]
    [InlineData("0xFFFF", CimType.UInt16, (ushort)65535)]
    [InlineData("0Xff", CimType.UInt32, 255U)]
    [InlineData("007", CimType.SInt32, 7)]
    [InlineData("1.5", CimType.Real64, 1.5)]
    [InlineData("-2e10", CimType.Real64, -2e10)]
    [InlineData("3.4028235E+38", CimType.Real32, float.MaxValue)]
    [InlineData("INF", CimType.Real64, double.PositiveInfinity)]
    [InlineData("-INF", CimType.Real32, float.NegativeInfinity)]
    [InlineData("-Infinity", CimType.Real64, double.NegativeInfinity)]
    [InlineData("NaN", CimType.Real64, double.NaN)]
    [InlineData("true", CimType.Boolean, true)]
    [InlineData("FALSE", CimType.Boolean, false)]
    [InlineData("1", CimType.Boolean, true)]
    [InlineData("0", CimType.Boolean, false)]
    [InlineData("x", CimType.Char16, 'x')]
    [InlineData(" ", CimType.Char16, ' ')]
    [InlineData("  as is  ", CimType.String, "  as is  ")]
    public void FromText_parses_wire_forms(string text, CimType type, object expected) =>
        CimValueConverter.FromText(text, S(type)).Should().BeOfType(expected.GetType()).And.Be(expected);

    [Fact]
    public void FromText_parses_datetime_and_reference_and_ignores_array_flag()
    {
        CimValueConverter.FromText("00000001000000.000000:000", S(CimType.DateTime)).Should().Be(CimDateTime.Parse("00000001000000.000000:000"));
        CimValueConverter.FromText("//h/root:CIM_Foo.K=1", S(CimType.Reference)).Should().Be(CimObjectPath.Parse("root:CIM_Foo.K=1"));
        CimValueConverter.FromText("7", A(CimType.UInt8)).Should().Be((byte)7);
    }

    [Theory]
    [InlineData("", CimType.UInt8)]
    [InlineData("12a", CimType.UInt8)]
    [InlineData("0x", CimType.UInt16)]
    [InlineData("0xG1", CimType.UInt16)]
    [InlineData("1.5", CimType.SInt32)]
    [InlineData("--1", CimType.SInt32)]
    [InlineData("1 000", CimType.SInt32)]
    [InlineData("abc", CimType.Real64)]
    [InlineData("1.5.", CimType.Real64)]
    [InlineData("", CimType.Real32)]
    [InlineData("1,5", CimType.Real64)]
    [InlineData("yes", CimType.Boolean)]
    [InlineData("", CimType.Char16)]
    [InlineData("ab", CimType.Char16)]
    [InlineData("2024", CimType.DateTime)]
    [InlineData("CIM_Foo.", CimType.Reference)]
    public void FromText_rejects_bad_text_quoting_text_and_type(string text, CimType type)
    {
        var name = type == CimType.Reference ? "reference" : CimTypeInfo.ToMofName(type);
        ShouldFail(() => CimValueConverter.FromText(text, S(type)), CimStatusCode.InvalidParameter, $"'{text}' is not a valid {name} value*");
    }

    [Theory]
    [InlineData("1e39", CimType.Real32, "value 1e39 is out of range for real32")]
    [InlineData("1e400", CimType.Real64, "value 1e400 is out of range for real64")]
    [InlineData("-1", CimType.UInt64, "value -1 is out of range for uint64")]
    [InlineData("0x100", CimType.UInt8, "value 0x100 is out of range for uint8")]
    public void FromText_reports_range_errors(string text, CimType type, string message) =>
        ShouldFail(() => CimValueConverter.FromText(text, S(type)), CimStatusCode.InvalidParameter, message);

    [Fact]
    public void ToText_writes_invariant_wire_forms()
    {
        CimValueConverter.ToText(true).Should().Be("true");
        CimValueConverter.ToText(false).Should().Be("false");
        CimValueConverter.ToText((sbyte)-5).Should().Be("-5");
        CimValueConverter.ToText(ulong.MaxValue).Should().Be("18446744073709551615");
        CimValueConverter.ToText(long.MinValue).Should().Be("-9223372036854775808");
        CimValueConverter.ToText(0.1).Should().Be("0.1");
        CimValueConverter.ToText(1e21).Should().Be("1E+21");
        CimValueConverter.ToText(0.1f).Should().Be("0.1");
        CimValueConverter.ToText(double.PositiveInfinity).Should().Be("INF");
        CimValueConverter.ToText(float.NegativeInfinity).Should().Be("-INF");
        CimValueConverter.ToText(double.NaN).Should().Be("NaN");
        CimValueConverter.ToText('z').Should().Be("z");
        CimValueConverter.ToText("s p").Should().Be("s p");
        CimValueConverter.ToText(CimDateTime.Parse("20240101******.******+000")).Should().Be("20240101******.******+000");
        CimValueConverter.ToText(CimObjectPath.Parse("//h/root:CIM_Foo.K=\"v\"")).Should().Be("//h/root:CIM_Foo.K=\"v\"");
    }

    [Fact]
    public void ToText_rejects_non_scalars()
    {
        FluentActions.Invoking(() => CimValueConverter.ToText(new[] { 1 })).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => CimValueConverter.ToText(new CimInstance(TestClass()))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => CimValueConverter.ToText(null!)).Should().Throw<ArgumentNullException>();
    }

    public static TheoryData<object, CimType> RoundTripValues => new()
    {
        { 1.0 / 3.0, CimType.Real64 },
        { double.Epsilon, CimType.Real64 },
        { double.MaxValue, CimType.Real64 },
        { -0.0, CimType.Real64 },
        { 1f / 3f, CimType.Real32 },
        { float.MaxValue, CimType.Real32 },
        { float.Epsilon, CimType.Real32 },
        { double.NaN, CimType.Real64 },
        { float.PositiveInfinity, CimType.Real32 },
        { (short)-32768, CimType.SInt16 },
        { true, CimType.Boolean },
        { '\u00e9', CimType.Char16 },
        { "", CimType.String },
        { CimDateTime.Parse("99991231235959.999999-999"), CimType.DateTime },
        { CimObjectPath.Parse("CIM_A.R=(reference)\"CIM_B.K=\\\"x\\\"\""), CimType.Reference },
    };

    [Theory]
    [MemberData(nameof(RoundTripValues))]
    public void ToText_and_FromText_round_trip(object value, CimType type)
    {
        var back = CimValueConverter.FromText(CimValueConverter.ToText(value), S(type));

        back.Should().BeOfType(value.GetType());
        back.Should().Be(value);
        if (value is double d)
            BitConverter.DoubleToInt64Bits((double)back!).Should().Be(BitConverter.DoubleToInt64Bits(d));
    }

    private static CimClass TestClass() =>
        new("Test_Class", null, CimQualifierSet.Empty,
            new CimPropertyCollection([new CimProperty("Id", S(CimType.String), null, CimQualifierSet.Empty, "Test_Class", 0, CimFlags.Key)]),
            [], null);
}
