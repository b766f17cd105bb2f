using CimCloud.Cimom.Model;
using CimCloud.Cimom.Query;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Query;

public class QueryBindErrorTests
{
    [Fact]
    public void Unknown_from_class_is_InvalidQuery_naming_the_class()
    {
        var act = () => QueryTestData.Parse("SELECT * FROM Q_Nope");
        act.Should().Throw<CimException>()
            .Where(e => e.StatusCode == CimStatusCode.InvalidQuery)
            .WithMessage("invalid WQL query at column 15: class Q_Nope does not exist in this namespace");
    }

    [Theory]
    [InlineData("SELECT Nope FROM Q_Base", "column 8: class Q_Base has no property Nope")]
    [InlineData("SELECT Name, Extra FROM Q_Base", "column 14: class Q_Base has no property Extra")]
    [InlineData("SELECT * FROM Q_Base WHERE Nope = 1", "column 28: class Q_Base has no property Nope")]
    [InlineData("SELECT * FROM Q_Base WHERE Name = Nope", "column 35: class Q_Base has no property Nope")]
    [InlineData("SELECT * FROM Q_Base AS x WHERE y.Name = 'a'", "column 33: 'y' in y.Name is neither the FROM class Q_Base nor its alias")]
    [InlineData("SELECT Q_Other.Name FROM Q_Base", "column 8: 'Q_Other' in Q_Other.Name is neither the FROM class Q_Base nor its alias")]
    public void Unknown_properties_and_qualifiers_are_named(string text, string expected)
    {
        var act = () => QueryTestData.Parse(text);
        act.Should().Throw<CimException>()
            .Where(e => e.StatusCode == CimStatusCode.InvalidQuery)
            .WithMessage($"invalid WQL query at {expected}");
    }

    [Theory]
    [InlineData("Count = 'abc'", "'abc' is not a number; Count is uint32")]
    [InlineData("Count = TRUE", "TRUE is not a number")]
    [InlineData("Name = 5", "Name is string; compare it with a quoted string, not 5")]
    [InlineData("Created = 'yesterday'", "'yesterday' is not a valid datetime for Created")]
    [InlineData("Created > 5", "compare it with a quoted datetime")]
    [InlineData("Enabled < TRUE", "Enabled (boolean) can only be compared with = or <>")]
    [InlineData("Enabled = 'maybe'", "compare it with TRUE or FALSE, not 'maybe'")]
    [InlineData("Count < NULL", "NULL (or use IS [NOT] NULL) can only be compared with = or <>")]
    [InlineData("Count = Name", "cannot compare Count (uint32) with Name (string)")]
    [InlineData("States = Count", "array property States cannot be compared with another property")]
    [InlineData("Count LIKE '1%'", "LIKE needs a string property; Count (uint32) is not one")]
    [InlineData("'x' LIKE 'x'", "LIKE needs a string property on its left")]
    [InlineData("Name ISA Q_Base", "ISA applies to reference and embedded instance properties; Name (string) is neither")]
    [InlineData("Q_Base ISA Q_Nope", "class Q_Nope (after ISA) does not exist in this namespace")]
    [InlineData("1 = 'a'", "cannot compare 1 with 'a'")]
    [InlineData("Name LIKE '[abc'", "invalid LIKE pattern '[abc': the '[' at pattern position 1 has no closing ']'")]
    [InlineData("Name LIKE '[c-a]'", "the range 'c-a' at pattern position 2 is reversed")]
    public void Type_errors_are_detected_when_binding(string where, string expected)
    {
        var act = () => QueryTestData.Parse($"SELECT * FROM Q_Base WHERE {where}");
        act.Should().Throw<CimException>()
            .Where(e => e.StatusCode == CimStatusCode.InvalidQuery)
            .WithMessage($"invalid WQL query at column *: *{expected}*");
    }

    [Theory]
    [InlineData("Name LIKE '*abc'", "'*' at pattern position 1 must follow a character or '.'")]
    [InlineData("Name LIKE 'a**'", "'*' at pattern position 3 must follow a character or '.'")]
    [InlineData("Name LIKE 'abc\\\\'", "the pattern ends with an unescaped '\\'")]
    public void Invalid_cql_like_patterns_are_rejected(string where, string expected)
    {
        var act = () => QueryTestData.Parse($"SELECT * FROM Q_Base WHERE {where}", CimQueryLanguages.Cql);
        act.Should().Throw<CimException>()
            .Where(e => e.StatusCode == CimStatusCode.InvalidQuery)
            .WithMessage($"*{expected}*");
    }

    [Fact]
    public void Embedded_instance_properties_only_take_isa_and_is_null()
    {
        var act = () => QueryTestData.Parse("SELECT * FROM Q_Holder WHERE Inner = 'x'");
        act.Should().Throw<CimException>().WithMessage("*column 30: embedded instance property Inner can only be used with ISA or IS [NOT] NULL");
        QueryTestData.Parse("SELECT * FROM Q_Holder WHERE Inner IS NOT NULL").HasCondition.Should().BeTrue();
    }

    [Fact]
    public void Bad_reference_literal_is_rejected()
    {
        var act = () => QueryTestData.Parse("SELECT * FROM Q_Link WHERE Left = 'not a path!'");
        act.Should().Throw<CimException>().WithMessage("*column 35: 'not a path!' is not a valid object path for Left*");
        var order = () => QueryTestData.Parse("SELECT * FROM Q_Link WHERE Left < 'Q_Base.Id=\"a\"'");
        order.Should().Throw<CimException>().WithMessage("*Left (Q_Base REF) can only be compared with = or <>*");
    }
}
