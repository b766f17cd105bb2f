using CimCloud.Cimom.Query;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Query;

public class QueryArrayTests
{
    [Theory]
    [InlineData("States = 2", new[] { "a" })]
    [InlineData("States = 4", new[] { "b" })]
    [InlineData("2 = States", new[] { "a" })]
    [InlineData("States = 5", new string[0])]
    [InlineData("States > 3", new[] { "b" })]
    [InlineData("States < 2", new[] { "a" })]
    [InlineData("States <> 2", new[] { "b", "s" })]
    [InlineData("NOT (States = 2)", new[] { "b", "s" })]
    [InlineData("States IS NULL", new[] { "n" })]
    [InlineData("States IS NOT NULL", new[] { "a", "b", "s" })]
    [InlineData("Tags = 'green'", new[] { "a" })]
    [InlineData("Tags LIKE 'gr%'", new[] { "a" })]
    [InlineData("Tags NOT LIKE 'gr%'", new[] { "b", "s" })]
    public void Array_comparisons_hold_when_any_element_matches(string where, string[] expected) =>
        QueryTestData.Ids(where).Should().Equal(expected);

    [Fact]
    public void Array_string_elements_follow_the_dialect_case_rules()
    {
        QueryTestData.Ids("Tags = 'RED'", CimQueryLanguages.Wql).Should().Equal("a");
        QueryTestData.Ids("Tags = 'RED'", CimQueryLanguages.Cql).Should().BeEmpty();
        QueryTestData.Ids("Tags = 'red'", CimQueryLanguages.Cql).Should().Equal("a");
    }
}
