using CimCloud.Cimom.Model;
using CimCloud.Cimom.Query;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Query;

public class QueryIsaTests
{
    [Theory]
    [InlineData("SELECT * FROM Q_Base WHERE Q_Base ISA Q_Sub", new[] { "s" })]
    [InlineData("SELECT * FROM Q_Base WHERE q_base ISA 'q_sub'", new[] { "s" })]
    [InlineData("SELECT * FROM Q_Base WHERE __this ISA 'Q_Sub'", new[] { "s" })]
    [InlineData("SELECT * FROM Q_Base AS x WHERE x ISA Q_Sub", new[] { "s" })]
    [InlineData("SELECT * FROM Q_Base x WHERE NOT x ISA Q_Sub", new[] { "a", "b", "n" })]
    [InlineData("SELECT * FROM Q_Base WHERE Q_Base ISA Q_Base", new[] { "a", "b", "n", "s" })]
    [InlineData("SELECT * FROM Q_Base WHERE __this ISA Q_Other", new string[0])]
    public void Instance_isa_tests_the_class_of_the_instance(string text, string[] expected) =>
        QueryTestData.MatchedIds(QueryTestData.Parse(text)).Should().Equal(expected);

    [Fact]
    public void Reference_isa_tests_the_class_of_the_referenced_path()
    {
        var links = QueryTestData.InstancesOf("Q_Link").ToList();
        var leftIsSub = QueryTestData.Parse("SELECT * FROM Q_Link WHERE Left ISA Q_Sub");
        var rightIsBase = QueryTestData.Parse("SELECT * FROM Q_Link WHERE Right ISA 'Q_Base'", CimQueryLanguages.Cql);
        links.Where(leftIsSub.Matches).Select(RightId).Should().Equal("b");
        links.Where(rightIsBase.Matches).Select(RightId).Should().BeEquivalentTo("s", "b");
    }

    [Fact]
    public void Embedded_instance_isa_tests_the_embedded_class()
    {
        var schema = QueryTestData.Schema;
        CimInstance Holder(string id, string? innerClass)
        {
            var holder = new CimInstance(schema.GetClass("Q_Holder"));
            holder["Id"] = id;
            if (innerClass is not null)
            {
                var inner = new CimInstance(schema.GetClass(innerClass));
                inner["Id"] = "inner";
                holder["Inner"] = inner;
            }

            return holder.Freeze();
        }

        var holders = new[] { Holder("base", "Q_Base"), Holder("sub", "Q_Sub"), Holder("none", null) };
        string[] Run(string where) =>
            holders.Where(QueryTestData.Parse($"SELECT * FROM Q_Holder WHERE {where}").Matches).Select(h => (string)h["Id"]!).ToArray();

        Run("Inner ISA Q_Sub").Should().Equal("sub");
        Run("Inner ISA Q_Base").Should().Equal("base", "sub");
        Run("NOT Inner ISA Q_Sub").Should().Equal("base");
        Run("Inner IS NULL").Should().Equal("none");
    }

    private static string RightId(CimInstance link) => (string)((CimObjectPath)link["Right"]!).FindKey("Id")!.Value;
}
