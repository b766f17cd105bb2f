using CimCloud.Cimom.Query;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Query;

public class QueryLogicTests
{
    [Theory]
    [InlineData("Name = 'Alpha' OR Name = 'beta' AND Count = 999", new[] { "a" })]
    [InlineData("(Name = 'Alpha' OR Name = 'beta') AND Count = 999", new string[0])]
    [InlineData("NOT Count = 10 AND Name = 'beta'", new[] { "b" })]
    [InlineData("NOT (Count = 10 AND Name = 'beta')", new[] { "a", "b", "s" })]
    [InlineData("Count = 10 OR Count = 20 OR Count = 30", new[] { "a", "b", "s" })]
    [InlineData("NOT NOT Count = 10", new[] { "a" })]
    [InlineData("((Count = 10))", new[] { "a" })]
    [InlineData("Count > 5 AND Count < 25 AND NOT Name = 'beta'", new[] { "a" })]
    public void Not_binds_tighter_than_and_which_binds_tighter_than_or(string where, string[] expected) =>
        QueryTestData.Ids(where).Should().Equal(expected);

    [Theory]
    [InlineData("Name <> 'x'", new[] { "a", "b", "s" })]
    [InlineData("NOT (Name = 'Alpha')", new[] { "b", "s" })]
    [InlineData("Name IS NULL", new[] { "n" })]
    [InlineData("Name IS NOT NULL", new[] { "a", "b", "s" })]
    [InlineData("Grade IS NULL", new[] { "n", "s" })]
    [InlineData("Name = 'Alpha' OR Count IS NULL", new[] { "a", "n" })]
    [InlineData("NOT (Count > 15)", new[] { "a" })]
    [InlineData("NOT (Count > 15 AND Id = 'zzz')", new[] { "a", "b", "n", "s" })]
    [InlineData("NOT (Count > 15 OR Id = 'zzz')", new[] { "a" })]
    [InlineData("Count > 15 OR Name = 'zzz'", new[] { "b", "s" })]
    [InlineData("Grade <> Name", new[] { "a", "b" })]
    [InlineData("NULL IS NULL", new[] { "a", "b", "n", "s" })]
    [InlineData("5 IS NULL", new string[0])]
    public void Null_values_make_comparisons_unknown_and_unknown_never_matches(string where, string[] expected) =>
        QueryTestData.Ids(where).Should().Equal(expected);

    [Theory]
    [InlineData("Name = NULL", CimQueryLanguages.Wql, new[] { "n" })]
    [InlineData("Name <> NULL", CimQueryLanguages.Wql, new[] { "a", "b", "s" })]
    [InlineData("NULL = Name", CimQueryLanguages.Wql, new[] { "n" })]
    [InlineData("Name = NULL", CimQueryLanguages.Cql, new string[0])]
    [InlineData("Name <> NULL", CimQueryLanguages.Cql, new string[0])]
    [InlineData("NOT (Name = NULL)", CimQueryLanguages.Cql, new string[0])]
    [InlineData("NULL = NULL", CimQueryLanguages.Wql, new string[0])]
    public void Comparing_with_null_is_is_null_in_wql_and_unknown_in_cql(string where, string language, string[] expected) =>
        QueryTestData.Ids(where, language).Should().Equal(expected);

    [Fact]
    public void A_query_without_where_matches_every_instance_of_the_class()
    {
        var query = QueryTestData.Parse("SELECT * FROM Q_Base");
        query.HasCondition.Should().BeFalse();
        QueryTestData.MatchedIds(query).Should().Equal("a", "b", "n", "s");
    }
}
