using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Mof.Compiler;

public class InstanceRuleTests
{
    private const string Model = """
        class T_Base { [Key] string Id; string Name; uint8 Small; datetime When; real32 R; char16 C; uint16 L[]; };
        class T_Two { [Key] string A; [Key] uint16 B; };
        [Abstract] class T_Abs { [Key] string Id; };
        class T_NoKey { string X; };
        [Association] class T_Link { [Key] T_Base REF Left; [Key] T_Base REF Right; };
        """;

    [Fact]
    public void Instances_are_typed_and_stored()
    {
        var (result, repo) = CompilerHarness.Compile(Model + """
            instance of T_Base { Id = "a"; Name = NULL; Small = 255; When = "20260101000000.000000+000"; R = 1.5; C = 'x'; L = {1, 0x10, 010, 11b}; };
            instance of T_Two { A = "x"; B = 7; };
            """);
        result.Success.Should().BeTrue(result.Errors());
        result.Counts.Instances.Should().Be(2);
        var ns = repo.GetNamespace("root/cimv2");
        var schema = ns.Schema;
        var inst = ns.FindInstance(new CimObjectPath("root/cimv2", "T_Base", [new CimKeyBinding("Id", "a", CimType.String)]));
        inst.Should().NotBeNull();
        inst!["Small"].Should().Be((byte)255);
        inst["Name"].Should().BeNull();
        inst["L"].Should().BeEquivalentTo(new ushort[] { 1, 16, 8, 3 });
        inst["When"].Should().BeOfType<CimDateTime>();
        inst["C"].Should().Be('x');
        schema.GetClass("T_Base").Should().BeSameAs(inst.Class);
    }

    [Fact]
    public void Out_of_range_and_wrong_type_values_are_errors()
    {
        CompilerHarness.Compile(Model + "instance of T_Base { Id = \"a\"; Small = 256; };").Result.Errors().Should().Contain("256 is out of range for uint8");
        CompilerHarness.Compile(Model + "instance of T_Base { Id = \"a\"; Small = 1.5; };").Result.Errors().Should().Contain("found real 1.5");
        CompilerHarness.Compile(Model + "instance of T_Base { Id = \"a\"; L = 1; };").Result.Errors().Should().Contain("expected a brace list");
        CompilerHarness.Compile(Model + "instance of T_Base { Id = \"a\"; When = \"yesterday\"; };").Result.Errors().Should().Contain("25 characters");
    }

    [Fact]
    public void Abstract_keyless_and_unknown_classes_and_properties_are_errors()
    {
        CompilerHarness.Compile(Model + "instance of T_Abs { Id = \"a\"; };").Result.Errors().Should().Contain("abstract");
        CompilerHarness.Compile(Model + "instance of T_NoKey { X = \"a\"; };").Result.Errors().Should().Contain("no key properties");
        CompilerHarness.Compile(Model + "instance of T_Nope { X = \"a\"; };").Result.Errors().Should().Contain("class T_Nope does not exist");
        CompilerHarness.Compile(Model + "instance of T_Base { Id = \"a\"; Nope = 1; };").Result.Errors().Should().Contain("has no property Nope");
        CompilerHarness.Compile(Model + "instance of T_Base { Id = \"a\"; id = \"b\"; };").Result.Errors().Should().Contain("given twice");
    }

    [Fact]
    public void All_keys_must_be_set()
    {
        CompilerHarness.Compile(Model + "instance of T_Two { A = \"x\"; };").Result.Errors().Should().Contain("no value for key property B");
    }

    [Fact]
    public void Duplicate_instances_are_errors()
    {
        CompilerHarness.Compile(Model + "instance of T_Two { A = \"x\"; B = 1; }; instance of T_Two { a = \"x\"; b = 1; };")
            .Result.Errors().Should().Contain("already defined at test.mof:");
    }

    [Fact]
    public void Aliases_resolve_forward_and_become_references()
    {
        var (result, repo) = CompilerHarness.Compile(Model + """
            instance of T_Link { Left = $b; Right = $a; };
            instance of T_Base as $a { Id = "a"; };
            instance of T_Base as $b { Id = "b"; };
            """);
        result.Success.Should().BeTrue(result.Errors());
        var link = repo.GetNamespace("root/cimv2").EnumerateInstances("T_Link").Single();
        ((CimObjectPath)link["Left"]!).FindKey("Id")!.Value.Should().Be("b");
    }

    [Fact]
    public void Unknown_and_duplicate_aliases_are_errors()
    {
        CompilerHarness.Compile(Model + "instance of T_Link { Left = $x; Right = $x; };").Result.Errors().Should().Contain("alias $x is not defined");
        CompilerHarness.Compile(Model + "instance of T_Base as $a { Id = \"a\"; }; instance of T_Base as $a { Id = \"b\"; };")
            .Result.Errors().Should().Contain("alias $a is already defined");
    }

    [Fact]
    public void Reference_values_may_be_object_path_strings()
    {
        var (result, _) = CompilerHarness.Compile(Model + """
            instance of T_Link { Left = "T_Base.Id=\"a\""; Right = "root/cimv2:T_Base.Id=\"b\""; };
            """);
        result.Success.Should().BeTrue(result.Errors());
    }

    [Fact]
    public void Namespace_pragma_switches_target_and_bad_ones_are_rejected()
    {
        var (result, repo) = CompilerHarness.Compile("#pragma namespace(\"root/test\")\nclass T_A { [Key] string Id; };\ninstance of T_A { Id = \"1\"; };");
        result.Success.Should().BeTrue(result.Errors());
        repo.GetNamespace("ROOT/TEST").Schema.FindClass("T_A").Should().NotBeNull();
        repo.FindNamespace("root/cimv2").Should().BeNull();
        CompilerHarness.Compile("#pragma namespace(\"http://x\")\nclass T_A { };").Result.Errors().Should().Contain("not a URL");
    }

    [Fact]
    public void Existing_instance_in_repository_makes_the_compile_fail_without_changes()
    {
        var (first, repo) = CompilerHarness.Compile(Model + "instance of T_Two { A = \"x\"; B = 1; };");
        first.Success.Should().BeTrue(first.Errors());
        var (second, _) = CompilerHarness.Compile("instance of T_Two { A = \"y\"; B = 1; }; instance of T_Two { A = \"x\"; B = 1; };", repository: repo);
        second.Success.Should().BeFalse();
        repo.GetNamespace("root/cimv2").EnumerateInstances("T_Two").Should().HaveCount(1);
    }
}
