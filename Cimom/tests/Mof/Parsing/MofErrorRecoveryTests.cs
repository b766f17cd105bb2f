using CimCloud.Cimom.Mof.Syntax;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Mof.Parsing.MofTestParse;

namespace CimCloud.Cimom.Tests.Mof.Parsing;

public class MofErrorRecoveryTests
{
    [Fact]
    public void Several_errors_are_reported_in_one_run_and_good_statements_survive()
    {
        const string mof = """
            class Good_1 { string A; };
            class Bad_1 { string B };
            class Good_2 { string C; };
            class Bad_2 { uint32 M(uint32 x y); };
            instance of Bad_3 { P = 09; };
            Qualifier Bad_4 : boolean, Scope(nothing);
            class Good_3 : Good_1 { };
            """;
        var result = Parse(mof);
        result.Errors().Select(e => $"{e.At()} {e.Message}").Should().Equal(
            "2:24 expected ';' after property declaration, found '}'",
            "4:33 expected ',' or ')' in the parameter list of method 'M', found 'y'",
            "5:25 invalid octal literal (a leading 0 makes an octal number; digits 0-7 only) '09'",
            "6:34 expected a scope (class, association, indication, property, reference, method, parameter, qualifier, any) in 'Scope(...)', found 'nothing'");
        result.Productions.Cast<MofClassDeclaration>().Select(c => c.Name).Should().Equal("Good_1", "Good_2", "Good_3");
    }

    [Fact]
    public void Missing_close_brace_resynchronises_at_the_next_declaration_line()
    {
        const string mof = """
            class Open_1 {
               string A;

            [Abstract]
            class Next_1 {
               string B;
            };
            """;
        var result = Parse(mof);
        result.Errors().Should().ContainSingle().Which.At().Should().Be("5:1");
        result.Errors()[0].Message.Should().StartWith("expected a data type");
        result.Productions.Cast<MofClassDeclaration>().Select(c => c.Name).Should().Equal("Next_1");
    }

    [Fact]
    public void Missing_semicolon_after_class_does_not_swallow_the_next_class()
    {
        var result = Parse("class A_A { }\nclass B_B { };\n[Abstract] class C_C { }\ninstance of B_B { };");
        result.Errors().Select(e => e.At()).Should().Equal("2:1", "4:1");
        result.Errors()[0].Message.Should().Be("expected ';' after the declaration of class 'A_A', found 'class'");
        result.Productions.Select(p => p.GetType().Name).Should().Equal(
            nameof(MofClassDeclaration), nameof(MofClassDeclaration), nameof(MofClassDeclaration), nameof(MofInstanceDeclaration));
    }

    [Fact]
    public void Garbage_after_a_statement_is_one_error()
    {
        var result = Parse("class A_A { } garbage ;\nclass B_B { };");
        result.Errors().Should().ContainSingle().Which.Message.Should().Be("expected ';' after the declaration of class 'A_A', found 'garbage'");
        result.Productions.Should().HaveCount(2);
    }

    [Fact]
    public void Stray_semicolon_is_an_error_in_strict_and_a_warning_in_lenient_mode()
    {
        Parse("class A_A { };;").Errors().Should().ContainSingle().Which.At().Should().Be("1:15");
        var lenient = Parse("class A_A { };;", lenient: true);
        lenient.HasErrors.Should().BeFalse();
        lenient.Warnings().Should().ContainSingle();
    }

    [Fact]
    public void Unexpected_characters_are_reported_once_each()
    {
        var result = Parse("class A_A { @ };\nclass B_B { string X; ~ };\nclass C_C { };");
        result.Errors().Select(e => $"{e.At()} {e.Message}").Should().Equal(
            "1:13 unexpected character '@'",
            "2:23 unexpected character '~'");
        result.Productions.Cast<MofClassDeclaration>().Select(c => c.Name).Should().Equal("C_C");
    }

    [Fact]
    public void Control_characters_are_named_by_code_point()
    {
        Parse("class A_A { \u0001 };").Errors().Should().ContainSingle().Which.Message.Should().Be("unexpected character U+0001");
    }

    [Fact]
    public void Nothing_throws_on_random_garbage()
    {
        var random = new Random(12345);
        const string alphabet = "{}[]();,:=#$\"'\\/*+-.0123456789abcxyzXb_ \n\tclass instance of qualifier pragma REF";
        for (int i = 0; i < 500; i++)
        {
            var chars = new char[random.Next(0, 80)];
            for (int j = 0; j < chars.Length; j++)
                chars[j] = alphabet[random.Next(alphabet.Length)];
            string text = new(chars);
            var act = () => Parse(text);
            act.Should().NotThrow(text);
        }
    }

    [Fact]
    public void Empty_and_comment_only_files_are_fine()
    {
        ParseClean("").Should().BeEmpty();
        ParseClean("// nothing\n/* at all */\n").Should().BeEmpty();
        ParseClean("\uFEFFclass A_A { };").Should().ContainSingle();
    }
}
