using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Query;
using CimCloud.Cimom.Repository;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Query;

public class QueryPolymorphismTests
{
    [Fact]
    public void Base_class_query_matches_subclass_instances()
    {
        QueryTestData.Ids("Count >= 30").Should().Equal("s");
        QueryTestData.Instance("s").Class.Name.Should().Be("Q_Sub");
    }

    [Fact]
    public void Subclass_query_does_not_match_base_instances()
    {
        var query = QueryTestData.Parse("SELECT * FROM Q_Sub WHERE Count > 0");
        QueryTestData.MatchedIds(query).Should().Equal("s");
        query.Matches(QueryTestData.Instance("a")).Should().BeFalse();
    }

    [Fact]
    public void Instances_of_unrelated_classes_never_match()
    {
        var other = QueryTestData.Instance("o");
        other["Name"].Should().Be("Alpha");
        QueryTestData.Parse("SELECT * FROM Q_Base WHERE Name = 'Alpha'").Matches(other).Should().BeFalse();
        QueryTestData.Parse("SELECT * FROM Q_Base").Matches(other).Should().BeFalse();
    }

    [Fact]
    public void Property_ordinals_are_resolved_per_class()
    {
        // A class of the same name whose slots are laid out differently (another schema snapshot).
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions()).CompileText("""
            class Q_Base { string Tags[]; uint32 Count; [Key] string Id; string Name; };
            instance of Q_Base { Id = "z"; Name = "Zed"; Count = 10; Tags = {"red"}; };
            """, "other.mof");
        result.Success.Should().BeTrue(string.Join("\n", result.Errors));
        var zed = repository.GetNamespace("root/cimv2").EnumerateInstances("Q_Base").Single();
        zed.Class.Properties.IndexOf("Count").Should().NotBe(QueryTestData.Schema.GetClass("Q_Base").Properties.IndexOf("Count"));

        var query = QueryTestData.Parse("SELECT Name FROM Q_Base WHERE Count = 10 AND Name = 'zed' AND Tags = 'red'");
        query.Matches(QueryTestData.Instance("a")).Should().BeFalse();
        query.Matches(zed).Should().BeTrue();
        query.Project(zed).Properties.Select(p => p.Property.Name).Should().Equal("Name");
    }

    [Fact]
    public void Matching_allocates_nothing_per_instance()
    {
        var query = QueryTestData.Parse(
            "SELECT * FROM Q_Base WHERE (Count > 5 AND Ratio < 10.5 AND Name LIKE '%a%' AND States = 3) OR Tags = 'blue' OR Created > '20240101000000.000000+000' OR Grade = 'b' OR Enabled = TRUE OR NOT Name IS NULL");
        var instances = QueryTestData.AllInstances().ToArray();
        var matched = 0;
        foreach (var instance in instances)
            matched += query.Matches(instance) ? 1 : 0;

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 1000; round++)
        {
            foreach (var instance in instances)
                matched += query.Matches(instance) ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        matched.Should().Be(3 * 1001);

        // Any per-instance allocation costs at least 24 bytes per match; under one byte per match on average leaves room
        // only for one-off runtime work on this thread (tiered JIT recompiling the loop), which is not per instance.
        allocated.Should().BeLessThan(1000L * instances.Length, "matching must not allocate per instance");
    }

    [Fact]
    public void One_query_can_filter_on_many_threads()
    {
        var query = QueryTestData.Parse("SELECT * FROM Q_Base WHERE Name LIKE '%a' AND Count >= 10");
        var instances = QueryTestData.AllInstances().ToArray();
        var counts = new int[8];
        Parallel.For(0, counts.Length, t =>
        {
            for (var round = 0; round < 500; round++)
                counts[t] += instances.Count(query.Matches);
        });
        counts.Should().AllSatisfy(c => c.Should().Be(2 * 500));
    }
}
