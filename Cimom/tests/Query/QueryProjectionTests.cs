using CimCloud.Cimom.Query;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Query;

public class QueryProjectionTests
{
    [Fact]
    public void Query_exposes_language_text_class_and_select_list()
    {
        const string text = "SELECT name, COUNT, Name FROM q_base AS b WHERE b.Count > 1";
        var query = QueryTestData.Parse(text);
        query.Text.Should().Be(text);
        query.ToString().Should().Be(text);
        query.ClassName.Should().Be("q_base");
        query.Alias.Should().Be("b");
        query.SelectedProperties.Should().Equal("Name", "Count");
        query.HasCondition.Should().BeTrue();
    }

    [Fact]
    public void Select_star_has_no_list_and_returns_the_instance_itself()
    {
        var query = QueryTestData.Parse("SELECT * FROM Q_Base");
        query.SelectedProperties.Should().BeNull();
        var a = QueryTestData.Instance("a");
        query.Project(a).Should().BeSameAs(a);
    }

    [Fact]
    public void Select_list_projects_the_instance_and_keeps_its_path()
    {
        var query = QueryTestData.Parse("SELECT Name, Count FROM Q_Base");
        var a = QueryTestData.Instance("a");
        var projected = query.Project(a);
        projected.IsProjected.Should().BeTrue();
        projected.Properties.Select(p => p.Property.Name).Should().Equal("Name", "Count");
        projected["Name"].Should().Be("Alpha");
        projected["Ratio"].Should().BeNull();
        projected.Path.Should().Be(a.Path);
    }

    [Fact]
    public void Projection_of_a_subclass_instance_uses_its_own_layout()
    {
        var query = QueryTestData.Parse("SELECT Tags, Name FROM Q_Base");
        var projected = query.Project(QueryTestData.Instance("s"));
        projected.Class.Name.Should().Be("Q_Sub");
        projected.Properties.Select(p => p.Property.Name).Should().Equal("Name", "Tags");
        projected.IsIncluded("Extra").Should().BeFalse();
    }

    [Theory]
    [InlineData("SELECT Q_Base.Name FROM Q_Base WHERE Q_Base.Count = 10")]
    [InlineData("SELECT q_base.name FROM Q_Base WHERE q_BASE.count = 10")]
    [InlineData("SELECT x.Name FROM Q_Base AS x WHERE x.Count = 10")]
    [InlineData("SELECT x.Name FROM Q_Base x WHERE x.Count = 10")]
    [InlineData("SELECT Name FROM Q_Base x WHERE Q_Base.Count = 10 AND x.Name = Name")]
    [InlineData("SELECT __this.Name FROM Q_Base WHERE __this.Count = 10")]
    public void Properties_may_be_qualified_by_class_or_alias(string text)
    {
        var query = QueryTestData.Parse(text);
        query.SelectedProperties.Should().Equal("Name");
        QueryTestData.MatchedIds(query).Should().Equal("a");
    }
}
