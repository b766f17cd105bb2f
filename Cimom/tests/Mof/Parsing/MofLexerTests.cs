using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Parsing;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Mof.Parsing;

public class MofLexerTests
{
    private static List<MofToken> Lex(string text, out MofDiagnosticBag diagnostics)
    {
        diagnostics = new MofDiagnosticBag();
        char[] chars = text.ToCharArray();
        var lexer = new MofLexer(chars, chars.Length, "lex.mof", diagnostics, new MofStringPool(), lenient: false);
        var tokens = new List<MofToken>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == MofTokenKind.EndOfFile)
                return tokens;
        }
    }

    [Fact]
    public void Token_kinds_positions_and_keywords()
    {
        var tokens = Lex("[Key] CIM_X REF r = $a;\n  uint8 d[2] = { -1, 0x1F, 1.5, \"s\", 'c' }; #", out var diagnostics);
        diagnostics.Items.Should().BeEmpty();
        tokens.Select(t => t.Kind).Should().Equal(
            MofTokenKind.LeftBracket, MofTokenKind.Identifier, MofTokenKind.RightBracket, MofTokenKind.Identifier,
            MofTokenKind.Identifier, MofTokenKind.Identifier, MofTokenKind.Equals, MofTokenKind.Alias, MofTokenKind.Semicolon,
            MofTokenKind.Identifier, MofTokenKind.Identifier, MofTokenKind.LeftBracket, MofTokenKind.Integer,
            MofTokenKind.RightBracket, MofTokenKind.Equals, MofTokenKind.LeftBrace, MofTokenKind.Integer, MofTokenKind.Comma,
            MofTokenKind.Integer, MofTokenKind.Comma, MofTokenKind.Real, MofTokenKind.Comma, MofTokenKind.String,
            MofTokenKind.Comma, MofTokenKind.Char, MofTokenKind.RightBrace, MofTokenKind.Semicolon, MofTokenKind.Hash,
            MofTokenKind.EndOfFile);
        tokens[4].Keyword.Should().Be(MofKeyword.Ref);
        tokens[1].Keyword.Should().Be(MofKeyword.None);
        tokens[9].Keyword.Should().Be(MofKeyword.UInt8);
        tokens[9].Line.Should().Be(2);
        tokens[9].Column.Should().Be(3);
        tokens[9].AtLineStart.Should().BeTrue();
        tokens[10].AtLineStart.Should().BeFalse();
        tokens[7].Text.Should().Be("a");
        tokens[18].Extra.Should().Be((int)MofIntegerRadix.Hex);
        tokens[24].Extra.Should().Be('c');
    }

    [Fact]
    public void Identifiers_are_pooled_across_files_and_keep_their_spelling()
    {
        var pool = new MofStringPool();
        var diagnostics = new MofDiagnosticBag();
        char[] a = "Description description Description".ToCharArray();
        var lexer = new MofLexer(a, a.Length, "a.mof", diagnostics, pool, lenient: false);
        var t1 = lexer.Next();
        var t2 = lexer.Next();
        var t3 = lexer.Next();
        t1.Text.Should().Be("Description");
        t2.Text.Should().Be("description");
        ReferenceEquals(t1.Text, t3.Text).Should().BeTrue();
        char[] b = "Description".ToCharArray();
        var other = new MofLexer(b, b.Length, "b.mof", diagnostics, pool, lenient: false).Next();
        ReferenceEquals(t1.Text, other.Text).Should().BeTrue();
    }

    [Fact]
    public void A_number_glued_to_letters_is_a_single_error_token()
    {
        var tokens = Lex("12345abc;", out var diagnostics);
        tokens.Select(t => t.Kind).Should().Equal(MofTokenKind.Error, MofTokenKind.Semicolon, MofTokenKind.EndOfFile);
        tokens[0].Length.Should().Be(8);
        diagnostics.Items.Should().ContainSingle().Which.Message.Should().Be("invalid number literal '12345abc'");
    }

    [Fact]
    public void String_tokens_carry_their_decoded_length()
    {
        var tokens = Lex("\"a\\nb\\x41\" \"plain\"", out _);
        tokens[0].HasEscapes.Should().BeTrue();
        tokens[0].Extra.Should().Be(4);
        tokens[1].HasEscapes.Should().BeFalse();
        tokens[1].Extra.Should().Be(5);
    }
}
