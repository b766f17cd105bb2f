using CimCloud.Cimom.Model;
using CimCloud.Cimom.Query;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Query;

public class QueryParseErrorTests
{
    [Theory]
    [InlineData("WQL", true)]
    [InlineData("wql", true)]
    [InlineData("DMTF:CQL", true)]
    [InlineData("dmtf:cql", true)]
    [InlineData("CQL", false)]
    [InlineData("XPath", false)]
    [InlineData("", false)]
    public void IsSupported_knows_the_two_languages(string language, bool expected) =>
        CimQueryLanguages.IsSupported(language).Should().Be(expected);

    [Fact]
    public void Unknown_language_is_QueryLanguageNotSupported()
    {
        var act = () => QueryTestData.Parse("SELECT * FROM Q_Base", "XPath");
        act.Should().Throw<CimException>()
            .Where(e => e.StatusCode == CimStatusCode.QueryLanguageNotSupported)
            .WithMessage("*'XPath'*");
    }

    [Fact]
    public void Language_is_reported_in_canonical_spelling()
    {
        QueryTestData.Parse("SELECT * FROM Q_Base", "wql").Language.Should().Be(CimQueryLanguages.Wql);
        QueryTestData.Parse("SELECT * FROM Q_Base", "dmtf:cql").Language.Should().Be(CimQueryLanguages.Cql);
    }

    [Theory]
    [InlineData("SELECT * FORM Q_Base", "column 10: expected FROM, found 'FORM'")]
    [InlineData("SELEC * FROM Q_Base", "column 1: expected SELECT, found 'SELEC'")]
    [InlineData("SELECT FROM Q_Base", "column 8: expected '*' or a property name, found 'FROM'")]
    [InlineData("SELECT Name Count FROM Q_Base", "column 13: expected ',' or FROM, found 'Count'")]
    [InlineData("SELECT Name, FROM Q_Base", "column 14: expected a property name after ',', found 'FROM'")]
    [InlineData("SELECT * FROM", "column 14: expected a class name, found end of query")]
    [InlineData("SELECT * FROM Q_Base x y", "column 24: expected WHERE or end of query, found 'y'")]
    [InlineData("SELECT * FROM Q_Base AS WHERE", "column 25: expected an alias name, found 'WHERE'")]
    [InlineData("SELECT * FROM Q_Base WHERE", "column 27: expected a condition, found end of query")]
    [InlineData("SELECT * FROM Q_Base WHERE Name", "column 32: expected a comparison operator (=, <>, !=, <, <=, >, >=), LIKE, IS or ISA, found end of query")]
    [InlineData("SELECT * FROM Q_Base WHERE Name = ", "column 35: expected a property name or literal, found end of query")]
    [InlineData("SELECT * FROM Q_Base WHERE Count = 1 Name = 'x'", "column 38: expected AND, OR or end of query, found 'Name'")]
    [InlineData("SELECT * FROM Q_Base WHERE (Count = 1", "column 38: expected AND, OR or ')', found end of query")]
    [InlineData("SELECT * FROM Q_Base WHERE Name IS 5", "column 36: expected NOT or NULL, found '5'")]
    [InlineData("SELECT * FROM Q_Base WHERE Name NOT = 'x'", "column 37: expected LIKE, found '='")]
    [InlineData("SELECT * FROM Q_Base WHERE Name LIKE 5", "column 38: expected a quoted LIKE pattern, found '5'")]
    [InlineData("SELECT * FROM Q_Base WHERE Count = 1 AND", "column 41: expected a condition, found end of query")]
    [InlineData("SELECT * FROM Q_Base WHERE Name = 'abc", "column 39: expected closing ' of the string that starts at column 35, found end of query")]
    [InlineData("SELECT * FROM Q_Base WHERE Count = 12abc", "column 36: '12abc' is not a valid number")]
    [InlineData("SELECT * FROM Q_Base WHERE Count = 99999999999999999999999", "column 36: integer 99999999999999999999999 is out of range")]
    [InlineData("SELECT * FROM Q_Base WHERE Q_Base ISA", "column 38: expected a class name, found end of query")]
    [InlineData("SELECT * FROM Q_Base WHERE Name.", "column 33: expected a property name after '.', found end of query")]
    public void Syntax_errors_name_the_column_and_what_was_expected(string text, string expected)
    {
        var act = () => QueryTestData.Parse(text);
        act.Should().Throw<CimException>()
            .Where(e => e.StatusCode == CimStatusCode.InvalidQuery)
            .WithMessage($"invalid WQL query: syntax error at {expected}*");
    }

    [Fact]
    public void Multi_line_queries_report_line_and_column()
    {
        var act = () => QueryTestData.Parse("SELECT *\nFROM Q_Base\nWHERE Count >", CimQueryLanguages.Cql);
        act.Should().Throw<CimException>()
            .WithMessage("invalid DMTF:CQL query: syntax error at line 3, column 14: expected a property name or literal, found end of query");
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_blanks_are_free()
    {
        QueryTestData.MatchedIds(QueryTestData.Parse("  select *\tfrom q_base\n where name='alpha'  ")).Should().Equal("a");
        QueryTestData.MatchedIds(QueryTestData.Parse("Select Name,Count From Q_Base Where(Count>=20)and(Count<=20)")).Should().Equal("b");
    }

    [Fact]
    public void Reserved_words_are_not_property_names()
    {
        var act = () => QueryTestData.Parse("SELECT * FROM Q_Base WHERE AND = 1");
        act.Should().Throw<CimException>().WithMessage("*column 28: expected a condition, found 'AND'*");
    }
}
