using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Mof.Compiler;

public class ClassRuleTests
{
    private const string Base = """
        class T_Base {
            [Key, Description("id")] string Id;
            string Name = "x";
            uint16 States[];
            uint32 Go([In] uint16 How, [In(false), Out] string Note);
        };
        """;

    [Fact]
    public void Inheritance_resolves_properties_in_slot_order_with_class_origin()
    {
        var (result, repo) = CompilerHarness.Compile(Base + "class T_Sub : T_Base { uint32 Extra; };");
        result.Success.Should().BeTrue(result.Errors());
        var sub = repo.GetNamespace("root/cimv2").Schema.GetClass("t_sub");
        sub.Properties.Select(p => p.Name).Should().Equal("Id", "Name", "States", "Extra");
        sub.Properties["id"]!.IsKey.Should().BeTrue();
        sub.Properties["Id"]!.IsPropagated.Should().BeTrue();
        sub.Properties["Id"]!.ClassOrigin.Should().Be("T_Base");
        sub.Properties["Extra"]!.IsPropagated.Should().BeFalse();
        sub.Properties["Extra"]!.ClassOrigin.Should().Be("T_Sub");
        sub.Properties["Name"]!.DefaultValue.Should().Be("x");
        sub.KeyProperties.Select(k => k.Name).Should().Equal("Id");
        sub.FindMethod("GO")!.Parameters[1].IsOut.Should().BeTrue();
        sub.FindMethod("Go")!.Parameters[1].IsIn.Should().BeFalse();
        sub.FindMethod("Go")!.Parameters[0].IsIn.Should().BeTrue();
        sub.FindMethod("Go")!.IsPropagated.Should().BeTrue();
    }

    [Fact]
    public void Missing_superclass_is_an_error_with_location()
    {
        var (result, repo) = CompilerHarness.Compile("\n  class T_X : T_Nope { };");
        result.Success.Should().BeFalse();
        result.Errors().Should().Contain("test.mof:2:3: error:").And.Contain("superclass T_Nope");
        repo.FindNamespace("root/cimv2").Should().BeNull("a failed compile stores nothing");
    }

    [Fact]
    public void Redeclared_inherited_property_without_override_is_an_error_in_strict_mode()
    {
        var (result, _) = CompilerHarness.Compile(Base + "class T_Sub : T_Base { string Name; };");
        result.Errors().Should().Contain("T_Sub.Name").And.Contain("already defined in superclass T_Base").And.Contain("Override");
    }

    [Fact]
    public void Redeclared_inherited_property_without_override_is_a_warning_in_lenient_mode()
    {
        var (result, repo) = CompilerHarness.Compile(Base + "class T_Sub : T_Base { string Name; };", lenient: true);
        result.Success.Should().BeTrue(result.Errors());
        result.Warnings().Should().Contain("without Override");
        var name = repo.GetNamespace("root/cimv2").Schema.GetClass("T_Sub").Properties["Name"]!;
        name.IsOverride.Should().BeTrue();
        name.ClassOrigin.Should().Be("T_Sub");
    }

    [Fact]
    public void Override_must_name_an_inherited_element()
    {
        var (result, _) = CompilerHarness.Compile(Base + "class T_Sub : T_Base { [Override(\"Nope\")] string Nope; };");
        result.Errors().Should().Contain("no superclass of T_Sub declares a property Nope");
    }

    [Fact]
    public void Override_cannot_rename()
    {
        var (result, _) = CompilerHarness.Compile(Base + "class T_Sub : T_Base { [Override(\"Name\")] string Other; };");
        result.Errors().Should().Contain("renaming");
    }

    [Fact]
    public void Override_keeps_the_slot_and_propagates_tosubclass_qualifiers()
    {
        var (result, repo) = CompilerHarness.Compile(Base + "class T_Sub : T_Base { [Override(\"Id\")] string Id; };");
        result.Success.Should().BeTrue(result.Errors());
        var id = repo.GetNamespace("root/cimv2").Schema.GetClass("T_Sub").Properties["Id"]!;
        id.Ordinal.Should().Be(0);
        id.IsKey.Should().BeTrue("Key is ToSubclass and propagates to the overriding property");
        id.Qualifiers["Key"]!.IsPropagated.Should().BeTrue();
        id.Qualifiers["Override"]!.IsPropagated.Should().BeFalse();
        id.Qualifiers.GetString("Description").Should().Be("id");
    }

    [Fact]
    public void Bare_override_is_an_error_strict_and_a_warning_lenient()
    {
        const string mof = Base + "class T_Sub : T_Base { [Override, Description(\"n\")] string Name; };";
        CompilerHarness.Compile(mof).Result.Errors().Should().Contain("Override needs the name");
        var (lenient, _) = CompilerHarness.Compile(mof, lenient: true);
        lenient.Success.Should().BeTrue(lenient.Errors());
        lenient.Warnings().Should().Contain("bare Override");
    }

    [Fact]
    public void Override_cannot_change_type_or_arrayness()
    {
        CompilerHarness.Compile(Base + "class T_Sub : T_Base { [Override(\"Name\")] uint32 Name; };")
            .Result.Errors().Should().Contain("inherited type is string");
        CompilerHarness.Compile(Base + "class T_Sub : T_Base { [Override(\"Name\")] string Name[]; };")
            .Result.Errors().Should().Contain("arrayness");
    }

    [Fact]
    public void New_keys_below_a_keyed_ancestor_are_rejected()
    {
        var (result, _) = CompilerHarness.Compile(Base + "class T_Mid : T_Base { }; class T_Sub : T_Mid { [Key] string Other; };");
        result.Errors().Should().Contain("T_Sub.Other cannot be a new key").And.Contain("T_Mid already has key properties (Id)");
    }

    [Fact]
    public void Keys_below_a_keyless_root_are_fine_and_key_arrays_are_not()
    {
        CompilerHarness.Compile("class T_Root { string Caption; }; class T_Sub : T_Root { [Key] string Id; };").Result.Success.Should().BeTrue();
        CompilerHarness.Compile("class T_K { [Key] string Ids[]; };").Result.Errors().Should().Contain("key property cannot be an array");
    }

    [Fact]
    public void Disable_override_qualifier_cannot_change_value()
    {
        var (result, _) = CompilerHarness.Compile(Base + "class T_Sub : T_Base { [Override(\"Id\"), Key(false)] string Id; };");
        result.Errors().Should().Contain("Key is DisableOverride");
    }

    [Fact]
    public void Duplicate_property_and_duplicate_class_are_errors()
    {
        CompilerHarness.Compile("class T_D { string A; string a; };").Result.Errors().Should().Contain("declared twice");
        var (result, _) = CompilerHarness.Compile("class T_D { }; class t_d { };");
        result.Errors().Should().Contain("class t_d is already defined");
    }

    [Fact]
    public void Class_already_in_the_repository_is_an_error_and_repository_is_unchanged()
    {
        var (first, repo) = CompilerHarness.Compile(Base);
        first.Success.Should().BeTrue();
        var before = repo.GetNamespace("root/cimv2").Schema;
        var (second, _) = CompilerHarness.Compile("class T_New { }; class T_Base { };", repository: repo);
        second.Errors().Should().Contain("class T_Base is already defined");
        repo.GetNamespace("root/cimv2").Schema.Should().BeSameAs(before);
        repo.GetNamespace("root/cimv2").Schema.FindClass("T_New").Should().BeNull("nothing of a failed unit is committed");
    }

    [Fact]
    public void Ref_properties_only_in_associations_and_targets_must_exist()
    {
        CompilerHarness.Compile(Base + "class T_R { [Key] T_Base REF A; };").Result.Errors().Should().Contain("only association classes may have REF properties");
        CompilerHarness.Compile("[Association] class T_A { [Key] T_Missing REF A; [Key] T_Missing REF B; };")
            .Result.Errors().Should().Contain("refers to class T_Missing, which does not exist");
    }

    [Fact]
    public void Association_needs_two_references_and_an_association_superclass()
    {
        CompilerHarness.Compile(Base + "[Association] class T_A { [Key] T_Base REF A; };").Result.Errors().Should().Contain("at least two references");
        CompilerHarness.Compile(Base + "[Association] class T_A : T_Base { [Key] T_Base REF A; [Key] T_Base REF B; };")
            .Result.Errors().Should().Contain("cannot derive from T_Base, which is not an association");
    }

    [Fact]
    public void Ref_override_may_narrow_only_to_a_subclass()
    {
        const string assoc = Base + """
            class T_Sub : T_Base { };
            class T_Other { [Key] string K; };
            [Association] class T_A { [Key] T_Base REF A; [Key] T_Base REF B; };
            """;
        var (ok, repo) = CompilerHarness.Compile(assoc + "class T_A2 : T_A { [Override(\"A\")] T_Sub REF A; };");
        ok.Success.Should().BeTrue(ok.Errors());
        var a2 = repo.GetNamespace("root/cimv2").Schema.GetClass("T_A2");
        a2.IsAssociation.Should().BeTrue("Association propagates to subclasses");
        a2.Properties["A"]!.ReferenceClassName.Should().Be("T_Sub");
        a2.Properties["A"]!.IsKey.Should().BeTrue();
        CompilerHarness.Compile(assoc + "class T_A2 : T_A { [Override(\"A\")] T_Other REF A; };")
            .Result.Errors().Should().Contain("not a subclass of T_Base");
    }

    [Fact]
    public void Abstract_is_restricted_and_indication_propagates()
    {
        var (result, repo) = CompilerHarness.Compile("""
            [Abstract] class T_Abs { [Key] string Id; };
            class T_Con : T_Abs { };
            [Indication] class T_Ind { string M; };
            class T_Ind2 : T_Ind { };
            """);
        result.Success.Should().BeTrue(result.Errors());
        var schema = repo.GetNamespace("root/cimv2").Schema;
        schema.GetClass("T_Abs").IsAbstract.Should().BeTrue();
        schema.GetClass("T_Con").IsAbstract.Should().BeFalse();
        schema.GetClass("T_Ind2").IsIndication.Should().BeTrue();
        result.Counts.Indications.Should().Be(2);
    }

    [Fact]
    public void Method_override_must_keep_its_signature()
    {
        CompilerHarness.Compile(Base + "class T_Sub : T_Base { [Override(\"Go\")] uint32 Go([In] uint16 How, [In(false), Out] string Note); };")
            .Result.Success.Should().BeTrue();
        CompilerHarness.Compile(Base + "class T_Sub : T_Base { [Override(\"Go\")] uint32 Go([In] uint32 How); };")
            .Result.Errors().Should().Contain("different signature");
    }

    [Fact]
    public void Embedded_instance_string_becomes_instance_type()
    {
        var (result, repo) = CompilerHarness.Compile(Base + "class T_E { [Key] string Id; [EmbeddedInstance(\"T_Base\")] string Inner; };");
        result.Success.Should().BeTrue(result.Errors());
        var inner = repo.GetNamespace("root/cimv2").Schema.GetClass("T_E").Properties["Inner"]!;
        inner.CimType.Should().Be(CimType.Instance);
        inner.ReferenceClassName.Should().Be("T_Base");
    }

    [Fact]
    public void Several_errors_are_reported_in_one_run()
    {
        var (result, _) = CompilerHarness.Compile("class T_A : T_Nope { };\nclass T_B { [Key] string K[]; };\nclass T_C { [Bogus] string X; };");
        result.Errors.Should().HaveCount(3);
    }
}
