using CimCloud.Cimom.Query;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Query;

public class QueryComparisonTests
{
    [Theory]
    [InlineData("Count = 10", new[] { "a" })]
    [InlineData("Count <> 10", new[] { "b", "s" })]
    [InlineData("Count != 10", new[] { "b", "s" })]
    [InlineData("Count < 20", new[] { "a" })]
    [InlineData("Count <= 20", new[] { "a", "b" })]
    [InlineData("Count > 10", new[] { "b", "s" })]
    [InlineData("Count >= 20", new[] { "b", "s" })]
    [InlineData("20 > Count", new[] { "a" })]
    [InlineData("10 = Count", new[] { "a" })]
    [InlineData("30 <= Count", new[] { "s" })]
    public void Every_comparison_operator_works_and_literals_may_come_first(string where, string[] expected) =>
        QueryTestData.Ids(where).Should().Equal(expected);

    [Theory]
    [InlineData("Count = 10.0", new[] { "a" })]
    [InlineData("Ratio > 2", new[] { "b", "s" })]
    [InlineData("Ratio = 3", new[] { "s" })]
    [InlineData("Small = 0.1", new[] { "a" })]
    [InlineData("Small > 2.2", new[] { "b" })]
    [InlineData("Delta < 0", new[] { "a" })]
    [InlineData("Delta = -5", new[] { "a" })]
    [InlineData("Delta >= -5 AND Delta <= +5", new[] { "a", "b", "s" })]
    [InlineData("Count = 0x14", new[] { "b" })]
    [InlineData("Count = 0X0a", new[] { "a" })]
    [InlineData("Count = '20'", new[] { "b" })]
    [InlineData("Count < 1e2", new[] { "a", "b", "s" })]
    [InlineData("Count > -1", new[] { "a", "b", "s" })]
    [InlineData("Count < 18446744073709551615", new[] { "a", "b", "s" })]
    [InlineData("Delta > -9223372036854775808", new[] { "a", "b", "s" })]
    public void Numbers_compare_by_value_across_integer_and_real_types(string where, string[] expected) =>
        QueryTestData.Ids(where).Should().Equal(expected);

    [Theory]
    [InlineData("Name = 'ALPHA'", CimQueryLanguages.Wql, new[] { "a" })]
    [InlineData("Name = 'ALPHA'", CimQueryLanguages.Cql, new string[0])]
    [InlineData("Name = 'Alpha'", CimQueryLanguages.Cql, new[] { "a" })]
    [InlineData("Name = \"Alpha\"", CimQueryLanguages.Cql, new[] { "a" })]
    [InlineData("Name < 'b'", CimQueryLanguages.Wql, new[] { "a" })]
    [InlineData("Name < 'b'", CimQueryLanguages.Cql, new[] { "a", "s" })]
    [InlineData("Name >= 'B'", CimQueryLanguages.Wql, new[] { "b", "s" })]
    [InlineData("Grade = 'a'", CimQueryLanguages.Wql, new[] { "a" })]
    [InlineData("Grade = 'a'", CimQueryLanguages.Cql, new string[0])]
    [InlineData("Grade < 'b'", CimQueryLanguages.Cql, new[] { "a" })]
    public void Strings_are_case_insensitive_in_wql_and_ordinal_in_cql(string where, string language, string[] expected) =>
        QueryTestData.Ids(where, language).Should().Equal(expected);

    [Theory]
    [InlineData("Name = 'Alpha' AND 'it''s' = \"it's\"", new[] { "a" })]
    [InlineData("Name = 'Alpha' AND 'it\\'s' = \"it's\"", new[] { "a" })]
    [InlineData("Name = 'Alpha' AND \"say \"\"hi\"\"\" = 'say \"hi\"'", new[] { "a" })]
    [InlineData("Name = 'Alpha' AND 'a\\\\b' = \"a\\\\b\"", new[] { "a" })]
    [InlineData("Name = 'Alpha' AND 'a\\\\b' = 'a\\b'", new[] { "a" })]
    [InlineData("1 = 1", new[] { "a", "b", "n", "s" })]
    [InlineData("1 = 2", new string[0])]
    [InlineData("1.5 > 1", new[] { "a", "b", "n", "s" })]
    [InlineData("TRUE <> FALSE", new[] { "a", "b", "n", "s" })]
    public void Quoted_strings_support_doubled_quotes_and_backslash_escapes(string where, string[] expected) =>
        QueryTestData.Ids(where).Should().Equal(expected);

    [Theory]
    [InlineData("Enabled = TRUE", new[] { "a", "s" })]
    [InlineData("Enabled = true", new[] { "a", "s" })]
    [InlineData("Enabled <> true", new[] { "b" })]
    [InlineData("Enabled = FALSE", new[] { "b" })]
    [InlineData("Enabled = 'false'", new[] { "b" })]
    [InlineData("TRUE = Enabled", new[] { "a", "s" })]
    public void Booleans_compare_with_true_and_false(string where, string[] expected) =>
        QueryTestData.Ids(where).Should().Equal(expected);

    [Theory]
    [InlineData("Created > '20240101000000.000000+000'", new[] { "a", "s" })]
    [InlineData("Created < '20240101000000.000000+000'", new[] { "b" })]
    [InlineData("Created = '20240115103000.000000+000'", new[] { "a" })]
    [InlineData("Created = '20241231230000.000000+000'", new[] { "s" })]
    [InlineData("Created = '20250101000000.000000+060'", new[] { "s" })]
    [InlineData("Created = '2024011510****.******+000'", new[] { "a" })]
    [InlineData("Created >= '20240115103000.000000+000' AND Created <= '20240115103000.000000+000'", new[] { "a" })]
    [InlineData("Created > '00000001000000.000000:000'", new string[0])]
    public void Datetimes_compare_as_instants_with_a_quoted_literal(string where, string[] expected) =>
        QueryTestData.Ids(where).Should().Equal(expected);

    [Fact]
    public void Two_properties_can_be_compared()
    {
        QueryTestData.Ids("Delta < Count").Should().Equal("a", "b", "s");
        QueryTestData.Ids("Ratio > Delta").Should().Equal("a", "s");
        QueryTestData.Ids("Name = Name").Should().Equal("a", "b", "s");
        QueryTestData.Ids("Name <> Name").Should().BeEmpty();
    }

    [Fact]
    public void References_compare_with_a_quoted_object_path()
    {
        var left = QueryTestData.Parse("SELECT * FROM Q_Link WHERE Left = 'Q_Base.Id=\"a\"'");
        var right = QueryTestData.Parse("SELECT * FROM Q_Link WHERE Right <> 'root/cimv2:Q_Sub.Id=\"s\"'");
        var links = QueryTestData.InstancesOf("Q_Link").ToList();
        links.Should().HaveCount(2);
        links.Where(left.Matches).Select(l => ((CimCloud.Cimom.Model.CimObjectPath)l["Right"]!).ClassName).Should().Equal("Q_Sub");
        links.Where(right.Matches).Select(l => ((CimCloud.Cimom.Model.CimObjectPath)l["Left"]!).ClassName).Should().Equal("Q_Sub");
    }
}
