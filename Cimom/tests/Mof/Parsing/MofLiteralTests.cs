using CimCloud.Cimom.Mof.Syntax;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Mof.Parsing.MofTestParse;

namespace CimCloud.Cimom.Tests.Mof.Parsing;

public class MofLiteralTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("42", 42)]
    [InlineData("-5", -5)]
    [InlineData("+5", 5)]
    [InlineData("-0", 0)]
    [InlineData("+0", 0)]
    [InlineData("017", 15)]
    [InlineData("-017", -15)]
    [InlineData("00", 0)]
    [InlineData("0x1F", 31)]
    [InlineData("0X1f", 31)]
    [InlineData("-0x10", -16)]
    [InlineData("101b", 5)]
    [InlineData("101B", 5)]
    [InlineData("-11b", -3)]
    [InlineData("0b", 0)]
    [InlineData("01b", 1)]
    [InlineData("18446744073709551615", 18446744073709551615.0)]
    public void Integer_literals_keep_value_and_text(string literal, double expected)
    {
        var value = Value(literal).Should().BeOfType<MofIntegerValue>().Subject;
        ((double)value.Value).Should().Be(expected);
        value.Text.Should().Be(literal);
    }

    [Fact]
    public void Integer_literals_cover_the_whole_Int128_range()
    {
        Value("170141183460469231731687303715884105727").Should().BeOfType<MofIntegerValue>()
            .Which.Value.Should().Be(Int128.MaxValue);
        Value("-170141183460469231731687303715884105728").Should().BeOfType<MofIntegerValue>()
            .Which.Value.Should().Be(Int128.MinValue);
        Value("0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF").Should().BeOfType<MofIntegerValue>()
            .Which.Value.Should().Be(Int128.MaxValue);
    }

    [Theory]
    [InlineData("170141183460469231731687303715884105728")]
    [InlineData("-170141183460469231731687303715884105729")]
    [InlineData("999999999999999999999999999999999999999999")]
    [InlineData("0x100000000000000000000000000000000")]
    public void Integer_beyond_Int128_is_an_error_that_keeps_the_text(string literal)
    {
        var result = Parse($"instance of X {{ P = {literal}; }};");
        result.Errors().Should().ContainSingle().Which.Message.Should().Contain("out of range").And.Contain(literal);
        result.Errors()[0].At().Should().Be("1:21");
        var value = result.Productions.OfType<MofInstanceDeclaration>().Single().Values[0].Value;
        value.Should().BeOfType<MofIntegerValue>().Which.Text.Should().Be(literal);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("-.5", -0.5)]
    [InlineData("+2.25", 2.25)]
    [InlineData("1.0e3", 1000.0)]
    [InlineData("1.5E-2", 0.015)]
    [InlineData("2.5e+2", 250.0)]
    [InlineData("-0.0", 0.0)]
    public void Real_literals(string literal, double expected)
    {
        var value = Value(literal).Should().BeOfType<MofRealValue>().Subject;
        value.Value.Should().Be(expected);
        value.Text.Should().Be(literal);
    }

    [Theory]
    [InlineData("09", "invalid octal literal")]
    [InlineData("008", "invalid octal literal")]
    [InlineData("2b", "invalid binary literal")]
    [InlineData("02B", "invalid binary literal")]
    [InlineData("12abc", "invalid number literal")]
    [InlineData("12345abc", "invalid number literal")]
    [InlineData("0x", "invalid hex literal")]
    [InlineData("0xG1", "invalid hex literal")]
    [InlineData("5.", "invalid real literal")]
    [InlineData("1e10", "invalid number literal")]
    [InlineData("1.5e", "invalid real literal")]
    [InlineData("1.2.3", "invalid real literal")]
    public void Malformed_numbers_are_one_lexical_error(string literal, string message)
    {
        var result = Parse($"instance of X {{ P = {literal}; }};\nclass Y_Z {{ }};");
        var error = result.Errors().Should().ContainSingle().Subject;
        error.Message.Should().StartWith(message).And.Contain($"'{literal}'");
        error.At().Should().Be("1:21");
        // Recovery: the next statement is still parsed.
        result.Productions.OfType<MofClassDeclaration>().Should().ContainSingle().Which.Name.Should().Be("Y_Z");
    }

    [Theory]
    [InlineData("-", "a sign must be followed by a number")]
    [InlineData("+x", "a sign must be followed by a number")]
    [InlineData(".", "unexpected character '.'")]
    public void Sign_or_dot_without_digits_is_an_error(string literal, string message)
    {
        var result = Parse($"instance of X {{ P = {literal}; }};");
        result.Errors().Should().NotBeEmpty();
        result.Errors()[0].Message.Should().Contain(message);
        result.Errors()[0].At().Should().Be("1:21");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("FaLsE", false)]
    public void Booleans_in_any_case(string literal, bool expected) =>
        Value(literal).Should().BeOfType<MofBooleanValue>().Which.Value.Should().Be(expected);

    [Theory]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("Null")]
    public void Null_in_any_case(string literal) => Value(literal).Should().BeOfType<MofNullValue>();

    [Theory]
    [InlineData("'a'", 'a')]
    [InlineData("'\"'", '"')]
    [InlineData("'\\''", '\'')]
    [InlineData("'\\n'", '\n')]
    [InlineData("'\\\\'", '\\')]
    [InlineData("'\\x41'", 'A')]
    [InlineData("'\\X263A'", '\u263A')]
    [InlineData("'é'", 'é')]
    public void Char16_literals(string literal, char expected) =>
        Value(literal).Should().BeOfType<MofCharValue>().Which.Value.Should().Be(expected);

    [Theory]
    [InlineData("''", "empty char16 literal")]
    [InlineData("'ab'", "exactly one character")]
    [InlineData("'a", "unterminated char16 literal")]
    public void Bad_char16_literals(string literal, string message)
    {
        var result = Parse($"instance of X {{ P = {literal}; }};\nclass Y_Z {{ }};");
        result.Errors().Should().ContainSingle().Which.Message.Should().Contain(message);
        result.Errors()[0].At().Should().Be("1:21");
        result.Productions.OfType<MofClassDeclaration>().Should().ContainSingle();
    }

    [Fact]
    public void Alias_value_records_the_name_without_dollar()
    {
        Value("$MyAlias").Should().BeOfType<MofAliasValue>().Which.Name.Should().Be("MyAlias");
    }

    [Fact]
    public void Dollar_without_a_name_is_an_error()
    {
        var result = Parse("instance of X { P = $; };");
        result.Errors().Should().ContainSingle().Which.Message.Should().Contain("alias name after '$'");
    }

    [Fact]
    public void Arrays_of_each_literal_kind()
    {
        var array = Value("{1, -0x2, 1.5, \"s\" \"t\", 'c', true, null, $a}").Should().BeOfType<MofArrayValue>().Subject;
        array.Items.Select(i => i.GetType()).Should().Equal(
            typeof(MofIntegerValue), typeof(MofIntegerValue), typeof(MofRealValue), typeof(MofStringValue),
            typeof(MofCharValue), typeof(MofBooleanValue), typeof(MofNullValue), typeof(MofAliasValue));
        ((MofStringValue)array.Items[3]).Value.Should().Be("st");
        Value("{}").Should().BeOfType<MofArrayValue>().Which.Items.Should().BeEmpty();
    }

    [Fact]
    public void Value_locations_point_at_the_first_token()
    {
        var instance = Single<MofInstanceDeclaration>("instance of X {\n  A = 1;\n  B = {\n 2 };\n};");
        instance.Values[0].Value.Location.Should().Be(new CimCloud.Cimom.Model.SourceLocation(FileName, 2, 7));
        var array = instance.Values[1].Value.Should().BeOfType<MofArrayValue>().Subject;
        array.Location.Should().Be(new CimCloud.Cimom.Model.SourceLocation(FileName, 3, 7));
        array.Items[0].Location.Should().Be(new CimCloud.Cimom.Model.SourceLocation(FileName, 4, 2));
    }
}
