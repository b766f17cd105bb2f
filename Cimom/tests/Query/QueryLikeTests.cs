using CimCloud.Cimom.Query;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Query;

public class QueryLikeTests
{
    [Theory]
    [InlineData("Name LIKE 'a%'", new[] { "a" })]
    [InlineData("Name LIKE 'ALPHA'", new[] { "a" })]
    [InlineData("Name LIKE 'Alph'", new string[0])]
    [InlineData("Name LIKE '_eta'", new[] { "b" })]
    [InlineData("Name LIKE '_'", new string[0])]
    [InlineData("Name LIKE '%'", new[] { "a", "b", "s" })]
    [InlineData("Name LIKE '%%a'", new[] { "a", "b" })]
    [InlineData("Name LIKE 'S%E'", new[] { "s" })]
    [InlineData("Name LIKE '[ab]%'", new[] { "a", "b" })]
    [InlineData("Name LIKE '[a-b]%'", new[] { "a", "b" })]
    [InlineData("Name LIKE '[a=b]%'", new[] { "a", "b" })]
    [InlineData("Name LIKE '[^ab]%'", new[] { "s" })]
    [InlineData("Name LIKE 'Sub[_]%'", new[] { "s" })]
    [InlineData("Name LIKE '%[_]%'", new[] { "s" })]
    [InlineData("Name LIKE 'Sub_one'", new[] { "s" })]
    [InlineData("Name LIKE 'A.*'", new string[0])]
    [InlineData("Name NOT LIKE '%a'", new[] { "s" })]
    [InlineData("NOT Name LIKE '%a'", new[] { "s" })]
    [InlineData("Grade LIKE '[a-c]'", new[] { "a", "b" })]
    public void Wql_like_has_percent_underscore_and_sets_and_ignores_case(string where, string[] expected) =>
        QueryTestData.Ids(where, CimQueryLanguages.Wql).Should().Equal(expected);

    [Theory]
    [InlineData("Name LIKE 'A.*'", new[] { "a" })]
    [InlineData("Name LIKE 'a.*'", new string[0])]
    [InlineData("Name LIKE '.eta'", new[] { "b" })]
    [InlineData("Name LIKE '.*a'", new[] { "a", "b" })]
    [InlineData("Name LIKE 'Sub_o*ne'", new[] { "s" })]
    [InlineData("Name LIKE 'Sub_x*one'", new[] { "s" })]
    [InlineData("Name LIKE 'Alph.'", new[] { "a" })]
    [InlineData("Name LIKE 'Alph\\.'", new string[0])]
    [InlineData("Name LIKE 'Alpha%'", new string[0])]
    [InlineData("Name LIKE 'Alpha'", new[] { "a" })]
    [InlineData("Name LIKE '.*'", new[] { "a", "b", "s" })]
    [InlineData("Name NOT LIKE '.*a'", new[] { "s" })]
    [InlineData("Grade LIKE 'A'", new[] { "a" })]
    public void Cql_like_has_dot_star_and_backslash_and_is_case_sensitive(string where, string[] expected) =>
        QueryTestData.Ids(where, CimQueryLanguages.Cql).Should().Equal(expected);
}
