using CimCloud.Cimom.Mof.Syntax;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Mof.Parsing.MofTestParse;

namespace CimCloud.Cimom.Tests.Mof.Parsing;

public class MofStringTests
{
    [Theory]
    [InlineData(@"""plain""", "plain")]
    [InlineData(@"""""", "")]
    [InlineData(@"""a\bb""", "a\bb")]
    [InlineData(@"""a\tb""", "a\tb")]
    [InlineData(@"""a\nb""", "a\nb")]
    [InlineData(@"""a\fb""", "a\fb")]
    [InlineData(@"""a\rb""", "a\rb")]
    [InlineData(@"""a\r\nb""", "a\r\nb")]
    [InlineData(@"""say \""hi\""""", "say \"hi\"")]
    [InlineData(@"""company\'s""", "company's")]
    [InlineData(@"""it's""", "it's")]
    [InlineData(@"""back\\slash""", "back\\slash")]
    [InlineData(@"""\x41""", "A")]
    [InlineData(@"""\X0042""", "B")]
    [InlineData(@"""\x4""", "\u0004")]
    [InlineData(@"""\x263A!""", "\u263A!")]
    [InlineData(@"""\x00411""", "A1")]
    [InlineData(@"""\xfFfF""", "\uFFFF")]
    [InlineData(@"""caf\xE9""", "café")]
    [InlineData(@"""/* not a comment */ // nor this""", "/* not a comment */ // nor this")]
    [InlineData(@"""ünïcödé ✓""", "ünïcödé ✓")]
    public void Escapes(string literal, string expected) => StringValue(literal).Should().Be(expected);

    [Fact]
    public void Adjacent_strings_concatenate_across_whitespace_and_comments()
    {
        StringValue("\"ab\" \"cd\"").Should().Be("abcd");
        StringValue("\"a\"\n   \"b\\'\" // comment\n /* block */ \"c\\n\"").Should().Be("ab'c\n");
        StringValue("\"x\"/**/\"y\"").Should().Be("xy");
    }

    [Fact]
    public void Concatenation_location_is_the_first_piece()
    {
        var value = Value("\n\"a\"\n\"b\"");
        value.Location.Line.Should().Be(2);
        value.Location.Column.Should().Be(1);
    }

    [Fact]
    public void Unknown_escape_is_an_error_in_strict_mode()
    {
        var result = Parse("instance of X { P = \"a\\)b\"; };");
        var error = result.Errors().Should().ContainSingle().Subject;
        error.At().Should().Be("1:23");
        error.Message.Should().Contain("unknown escape sequence '\\)'");
    }

    [Fact]
    public void Unknown_escape_in_lenient_mode_warns_and_keeps_the_character()
    {
        var result = Parse("instance of X { P = \"a\\)b\\qc\"; };", lenient: true);
        result.HasErrors.Should().BeFalse();
        result.Warnings().Select(w => w.At()).Should().Equal("1:23", "1:26");
        result.Warnings()[0].Message.Should().Contain("'\\)'");
        var value = result.Productions.OfType<MofInstanceDeclaration>().Single().Values[0].Value;
        value.Should().BeOfType<MofStringValue>().Which.Value.Should().Be("a)bqc");
    }

    [Fact]
    public void Hex_escape_without_digits_is_an_error_even_in_lenient_mode()
    {
        foreach (bool lenient in new[] { false, true })
        {
            var result = Parse("instance of X { P = \"a\\xg\"; };", lenient);
            result.Errors().Should().ContainSingle().Which.Message.Should().Contain("1 to 4 hex digits");
            result.Errors()[0].At().Should().Be("1:23");
        }
    }

    [Fact]
    public void Raw_newline_in_a_string_is_an_error_and_parsing_goes_on()
    {
        var result = Parse("instance of X { P = \"abc\ndef\"; };\nclass A_B { };\n");
        result.Errors().Should().NotBeEmpty();
        result.Errors()[0].At().Should().Be("1:21");
        result.Errors()[0].Message.Should().Contain("unterminated string literal").And.Contain("line break");
        result.Productions.OfType<MofClassDeclaration>().Should().ContainSingle().Which.Name.Should().Be("A_B");
    }

    [Fact]
    public void String_open_at_end_of_file_is_an_error()
    {
        var result = Parse("instance of X { P = \"abc");
        result.Errors().Should().ContainSingle().Which.Message.Should().Contain("end of file");
    }

    [Fact]
    public void Escape_errors_in_concatenated_pieces_are_located_on_their_own_line()
    {
        var result = Parse("instance of X { P =\n  \"ok\"\n  \"bad \\z\"; };");
        result.Errors().Should().ContainSingle().Which.At().Should().Be("3:8");
    }

    [Fact]
    public void Long_strings_with_many_pieces_decode_exactly()
    {
        var pieces = Enumerable.Range(0, 200).Select(i => $"\"piece {i} it\\'s\\n\"");
        string expected = string.Concat(Enumerable.Range(0, 200).Select(i => $"piece {i} it's\n"));
        StringValue(string.Join("\n  ", pieces)).Should().Be(expected);
    }
}
