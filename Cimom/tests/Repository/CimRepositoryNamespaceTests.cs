using CimCloud.Cimom.Model;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Repository;

public class CimRepositoryNamespaceTests
{
    [Fact]
    public void Created_namespace_is_found_case_insensitively_and_with_backslashes()
    {
        var repo = new CimRepository();
        var created = repo.CreateNamespace("/root/CimV2/");

        created.Name.Should().Be("root/CimV2");
        repo.FindNamespace("ROOT/cimv2").Should().BeSameAs(created);
        repo.FindNamespace(@"root\cimv2").Should().BeSameAs(created);
        repo.GetNamespace("root/cimv2").Should().BeSameAs(created);
        repo.NamespaceNames.Should().Equal("root/CimV2");
    }

    [Fact]
    public void New_namespace_starts_with_the_standard_qualifiers_and_no_classes()
    {
        var ns = new CimRepository().CreateNamespace("root/a");

        ns.Schema.Should().BeSameAs(CimSchema.Standard);
        ns.Schema.FindQualifier("Key").Should().NotBeNull();
        ns.Schema.ClassCount.Should().Be(0);
        ns.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Creating_an_existing_namespace_is_AlreadyExists_in_any_case()
    {
        var repo = new CimRepository();
        repo.CreateNamespace("root/a");

        var act = () => repo.CreateNamespace("ROOT/A");

        act.Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.AlreadyExists);
    }

    [Theory]
    [InlineData("")]
    [InlineData("root//x")]
    [InlineData("http://host/root")]
    [InlineData("root/a b")]
    public void Malformed_names_are_InvalidParameter(string name)
    {
        var act = () => new CimRepository().CreateNamespace(name);

        act.Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.InvalidParameter);
    }

    [Fact]
    public void Getting_a_missing_namespace_is_InvalidNamespace()
    {
        var repo = new CimRepository();

        repo.FindNamespace("root/none").Should().BeNull();
        var act = () => repo.GetNamespace("root/none");
        act.Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.InvalidNamespace);
    }

    [Fact]
    public void GetOrCreate_returns_the_same_namespace_every_time()
    {
        var repo = new CimRepository();

        var first = repo.GetOrCreateNamespace("root/x");
        var second = repo.GetOrCreateNamespace(@"ROOT\X");

        second.Should().BeSameAs(first);
        repo.NamespaceNames.Should().ContainSingle();
    }

    [Fact]
    public void Deleting_a_namespace_with_a_class_is_NamespaceNotEmpty_until_the_class_is_gone()
    {
        var repo = new CimRepository();
        var ns = repo.CreateNamespace("root/a");
        ns.UpdateSchema(s =>
        {
            var b = new CimSchemaBuilder(s);
            b.AddClass(new CimClassDeclaration("T_X", null, [], [], []), new List<SchemaDiagnostic>()).Should().NotBeNull();
            return b.Build();
        });

        var act = () => repo.DeleteNamespace("root/A");
        act.Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.NamespaceNotEmpty);
        repo.FindNamespace("root/a").Should().BeSameAs(ns);

        ns.UpdateSchema(s =>
        {
            var b = new CimSchemaBuilder(s);
            b.RemoveClass("T_X", out _).Should().BeTrue();
            return b.Build();
        });
        repo.DeleteNamespace("ROOT/a");

        repo.FindNamespace("root/a").Should().BeNull();
        repo.NamespaceNames.Should().BeEmpty();
    }

    [Fact]
    public void A_deleted_namespace_refuses_writes_from_stale_holders()
    {
        var repo = new CimRepository();
        var ns = repo.CreateNamespace("root/a");
        repo.DeleteNamespace("root/a");

        var act = () => ns.UpdateSchema(s => s);

        act.Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.InvalidNamespace);
    }

    [Fact]
    public void Deleting_a_missing_namespace_is_InvalidNamespace()
    {
        var act = () => new CimRepository().DeleteNamespace("root/none");

        act.Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.InvalidNamespace);
    }
}
