using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Operations.OperationsHarness;

namespace CimCloud.Cimom.Tests.Operations;

/// <summary>ExecQueryAsync: WQL/CQL over the instances of the FROM class and its subclasses, projected to the SELECT list.</summary>
public class QueryOperationsTests
{
    [Fact]
    public async Task Matches_polymorphically_and_projects()
    {
        var h = Create();
        await h.AddAsync("T_Element", ("Id", "e1"), ("Name", "alpha"), ("Size", 1u));
        await h.AddAsync("T_Device", ("Id", "d1"), ("Name", "beta"), ("Size", 20u));
        await h.AddAsync("T_Disk", ("Id", "k1"), ("Name", "gamma"), ("Capacity", 7ul));

        var big = await ListAsync(h.Ops.ExecQueryAsync(Ctx, Ns, "WQL", "SELECT Name FROM T_Element WHERE Size > 4"));
        big.Select(i => i.Path.FindKey("Id")!.Value).Should().BeEquivalentTo(new[] { "d1", "k1" }, "T_Disk's Size defaults to 9");
        big.Should().OnlyContain(i => i.IsIncluded("Name") && !i.IsIncluded("Size"));
        big.Single(i => i.ClassName == "T_Disk").Namespace.Should().Be(Ns);

        var cql = await ListAsync(h.Ops.ExecQueryAsync(Ctx, Ns, "DMTF:CQL", "SELECT * FROM T_Device WHERE Name = 'gamma'"));
        cql.Should().ContainSingle().Which.ClassName.Should().Be("T_Disk");
    }

    [Theory]
    [InlineData("SQL", "SELECT * FROM T_Element", CimStatusCode.QueryLanguageNotSupported)]
    [InlineData("WQL", "SELECT * FROM", CimStatusCode.InvalidQuery)]
    [InlineData("WQL", "SELECT * FROM T_Nope", CimStatusCode.InvalidQuery)]
    [InlineData("WQL", "SELECT Nope FROM T_Element", CimStatusCode.InvalidQuery)]
    public void Bad_queries_fail_when_called(string language, string query, CimStatusCode expected)
    {
        var h = Create();
        FluentActions.Invoking(() => h.Ops.ExecQueryAsync(Ctx, Ns, language, query)).Should().Throw<CimException>().Which.StatusCode.Should().Be(expected);
    }

    [Fact]
    public void An_unknown_namespace_is_invalid_namespace()
    {
        var h = Create();
        FluentActions.Invoking(() => h.Ops.ExecQueryAsync(Ctx, "root/nope", "WQL", "SELECT * FROM T_Element")).Should().Throw<CimException>()
            .Which.StatusCode.Should().Be(CimStatusCode.InvalidNamespace);
    }
}
