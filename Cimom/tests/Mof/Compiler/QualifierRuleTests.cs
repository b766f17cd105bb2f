using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Mof.Compiler;

public class QualifierRuleTests
{
    [Fact]
    public void Standard_qualifiers_are_available_without_declaration()
    {
        var (result, repo) = CompilerHarness.Compile("[Description(\"d\"), Version(\"1.0.0\")] class T_A { [Key, MaxLen(10)] string Id; };");
        result.Success.Should().BeTrue(result.Errors());
        var schema = repo.GetNamespace("root/cimv2").Schema;
        schema.FindQualifier("key").Should().NotBeNull();
        schema.FindQualifier("Association")!.Flavor.Should().HaveFlag(CimFlavor.DisableOverride);
        schema.QualifierCount.Should().Be(70);
    }

    [Fact]
    public void Identical_redeclaration_is_accepted_and_a_conflicting_one_is_an_error()
    {
        CompilerHarness.Compile("Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);")
            .Result.Success.Should().BeTrue();
        var (result, _) = CompilerHarness.Compile("Qualifier Key : string, Scope(property);");
        result.Errors().Should().Contain("qualifier Key is already declared differently");
    }

    [Fact]
    public void New_qualifier_declarations_are_counted_and_usable()
    {
        var (result, repo) = CompilerHarness.Compile("""
            Qualifier T_Tag : string[], Scope(class, property), Flavor(Restricted);
            [T_Tag {"a", "b"}] class T_A { [T_Tag {"c"}] string P; };
            class T_B : T_A { };
            """);
        result.Success.Should().BeTrue(result.Errors());
        result.Counts.Qualifiers.Should().Be(1);
        var schema = repo.GetNamespace("root/cimv2").Schema;
        schema.GetClass("T_A").Qualifiers["T_Tag"]!.Value.Should().BeEquivalentTo(new[] { "a", "b" });
        schema.GetClass("T_B").Qualifiers.Contains("T_Tag").Should().BeFalse("a Restricted qualifier does not propagate");
        schema.GetClass("T_B").Properties["P"]!.Qualifiers.Contains("T_Tag").Should().BeFalse();
    }

    [Fact]
    public void Scope_is_enforced()
    {
        CompilerHarness.Compile("[Key] class T_A { string P; };").Result.Errors().Should().Contain("Key cannot be used on a class");
        CompilerHarness.Compile("class T_A { [In] string P; };").Result.Errors().Should().Contain("In cannot be used on a property");
        CompilerHarness.Compile("class T_A { [Association] string P; };").Result.Errors().Should().Contain("cannot be used on a property");
    }

    [Fact]
    public void Qualifier_value_must_match_its_type()
    {
        CompilerHarness.Compile("[Description(42)] class T_A { };").Result.Errors().Should().Contain("Description").And.Contain("has type string");
        CompilerHarness.Compile("class T_A { [MaxLen(\"x\")] string P; };").Result.Errors().Should().Contain("MaxLen");
        CompilerHarness.Compile("class T_A { [MaxLen(-1)] string P; };").Result.Errors().Should().Contain("out of range for uint32");
    }

    [Fact]
    public void Duplicate_qualifier_on_one_element_is_an_error()
    {
        CompilerHarness.Compile("class T_A { [Key, key] string P; };").Result.Errors().Should().Contain("appears more than once");
    }

    [Fact]
    public void Undeclared_qualifier_is_an_error_strict_and_declared_on_the_fly_lenient()
    {
        CompilerHarness.Compile("[T_Unknown(\"x\")] class T_A { };").Result.Errors().Should().Contain("qualifier T_Unknown on class T_A is not declared");
        var (result, repo) = CompilerHarness.Compile("[T_Unknown(\"x\")] class T_A { };", lenient: true);
        result.Success.Should().BeTrue(result.Errors());
        result.Warnings().Should().Contain("T_Unknown");
        repo.GetNamespace("root/cimv2").Schema.GetClass("T_A").Qualifiers.GetString("T_Unknown").Should().Be("x");
    }

    [Fact]
    public void Flavor_conflicts_are_errors()
    {
        CompilerHarness.Compile("Qualifier T_Q : boolean, Scope(any), Flavor(EnableOverride, DisableOverride);").Result.Success.Should().BeFalse();
        CompilerHarness.Compile("Qualifier T_Q : boolean, Scope(any), Flavor(ToSubclass, Restricted);").Result.Success.Should().BeFalse();
        CompilerHarness.Compile("class T_A { [Key : EnableOverride] string P; };").Result.Errors().Should().Contain("DisableOverride");
    }

    [Fact]
    public void Usage_flavor_restricted_stops_propagation()
    {
        var (result, repo) = CompilerHarness.Compile("[Description(\"base\") : Restricted] class T_A { }; class T_B : T_A { };");
        result.Success.Should().BeTrue(result.Errors());
        repo.GetNamespace("root/cimv2").Schema.GetClass("T_B").Qualifiers.Contains("Description").Should().BeFalse();
    }

    [Fact]
    public void Propagated_and_local_qualifiers_are_told_apart()
    {
        var (_, repo) = CompilerHarness.Compile("[Description(\"base\")] class T_A { }; [Description(\"sub\")] class T_B : T_A { }; class T_C : T_B { };");
        var schema = repo.GetNamespace("root/cimv2").Schema;
        schema.GetClass("T_B").Qualifiers["Description"]!.Should().Match<CimQualifier>(q => (string)q.Value! == "sub" && !q.IsPropagated);
        schema.GetClass("T_C").Qualifiers["Description"]!.Should().Match<CimQualifier>(q => (string)q.Value! == "sub" && q.IsPropagated);
    }
}
