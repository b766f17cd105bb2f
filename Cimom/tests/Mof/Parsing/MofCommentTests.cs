using CimCloud.Cimom.Mof.Syntax;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Mof.Parsing.MofTestParse;

namespace CimCloud.Cimom.Tests.Mof.Parsing;

public class MofCommentTests
{
    [Fact]
    public void Comments_are_allowed_wherever_whitespace_is()
    {
        const string mof = """
            // leading line comment
            /* leading block */ [/*q*/Abstract/*q*/, /*x*/ ValueMap/**/{/*a*/"0"/*b*/,//1025
              "1" // trailing
              }/*c*/: /*f*/ToSubclass]/**/class/**/A_B/**/:/**/C_D/**/{/**/
              uint16/**/X/**/[/**/]/**/=/**/{/**/1/**/,/**/2/**/}/**/;
              uint32/**/M/**/(/**/[/**/In/**/]/**/string/**/P/**/)/**/;
            }/**/;/* trailing */
            #/* between */pragma/**/locale/**/(/**/"en_US"/**/)
            """;
        var productions = ParseClean(mof);
        productions.Should().HaveCount(2);
        var cls = productions[0].Should().BeOfType<MofClassDeclaration>().Subject;
        cls.Name.Should().Be("A_B");
        cls.SuperClass.Should().Be("C_D");
        cls.Qualifiers.Select(q => q.Name).Should().Equal("Abstract", "ValueMap");
        cls.Qualifiers[1].Value.Should().BeOfType<MofArrayValue>().Which.Items.Should().HaveCount(2);
        cls.Features.Should().HaveCount(2);
        productions[1].Should().BeOfType<MofPragma>().Which.Value.Should().Be("en_US");
    }

    [Fact]
    public void Comments_between_array_elements_OpenPegasus_style()
    {
        var array = Value("{ 2, // first\n 3, //1025\n 4 /* last */ }").Should().BeOfType<MofArrayValue>().Subject;
        array.Items.Cast<MofIntegerValue>().Select(i => (int)i.Value).Should().Equal(2, 3, 4);
    }

    [Fact]
    public void Comment_markers_inside_strings_stay_in_the_string()
    {
        StringValue("\"a /* b */ c\"").Should().Be("a /* b */ c");
        StringValue("\"http://example.com\"").Should().Be("http://example.com");
        StringValue("\"/*\" \"*/\"").Should().Be("/**/");
    }

    [Fact]
    public void Block_comments_do_not_nest()
    {
        var result = Parse("/* a /* b */ c */\nclass A_B { };");
        result.Errors().Select(e => e.At()).Should().Equal("1:14", "1:16");
        result.Errors()[0].Message.Should().Be("expected 'class', 'instance', 'qualifier', '[' or '#pragma' at the start of a statement, found 'c'");
        result.Errors()[1].Message.Should().Contain("'*/' outside a comment");
        result.Productions.OfType<MofClassDeclaration>().Should().ContainSingle();
    }

    [Fact]
    public void Unterminated_block_comment_is_reported_at_its_start()
    {
        var result = Parse("class A_B { };\n  /* never closed\n\n");
        result.Errors().Should().ContainSingle().Which.At().Should().Be("2:3");
        result.Errors()[0].Message.Should().Contain("unterminated block comment");
        result.Productions.Should().ContainSingle();
    }

    [Fact]
    public void Line_numbers_count_through_multi_line_comments_and_crlf()
    {
        var result = Parse("/* 1\r\n2\r\n3 */\r\n// 4\r\n\r\n  class 6;");
        result.Errors().Should().ContainSingle().Which.At().Should().Be("6:9");
    }

    [Fact]
    public void Slash_alone_is_an_unexpected_character()
    {
        var result = Parse("class A_B { / };");
        result.Errors().Should().ContainSingle().Which.Message.Should().Contain("unexpected character '/'");
        result.Errors()[0].At().Should().Be("1:13");
    }
}
