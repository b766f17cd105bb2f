using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests;

/// <summary><c>cimcloud mof compile</c>, run as a process: exit codes, stdout summary, stderr diagnostics.</summary>
public sealed partial class MofCompileCommandTests(ITestOutputHelper output)
{
    [Fact]
    public void Compiles_the_cct_fixture_and_prints_the_counts()
    {
        if (SharedInputs.CctFixture(output) is not { } cct)
            return;

        var run = CimCloudCli.Run("mof", "compile", cct);

        run.ExitCode.Should().Be(0, run.ToString());
        // cct.mof: CCT_Base, CCT_Host, CCT_Disk, CCT_HostDisk (association), CCT_Port; 9 instances; no qualifier declarations.
        run.StdoutLines.Should().Equal("classes=5 associations=1 indications=0 qualifiers=0 instances=9");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public void Bad_mof_gives_located_errors_on_stderr_and_exit_code_1()
    {
        using var folder = new TestFolder();
        var bad = folder.File("bad.mof", """
            class T_Good { [Key] string Id; };

            class T_Bad {
                [Key] string Id
            };

            instance of T_Missing { Id = "x"; };
            """);

        var run = CimCloudCli.Run("mof", "compile", bad);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stdout.Should().BeEmpty("no summary line when there are errors");
        run.StderrLines.Should().NotBeEmpty().And.OnlyContain(l => DiagnosticLine().IsMatch(l), run.ToString());
        run.StderrLines.Should().Contain(l => l.StartsWith(bad + ":5:1: error: ", StringComparison.Ordinal), "the missing ';' is found at the '}' on line 5");
        run.StderrLines.Should().Contain(l => l.StartsWith(bad + ":7:1: error: ", StringComparison.Ordinal) && l.Contains("T_Missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        using var folder = new TestFolder();
        var missing = Path.Combine(folder.Path, "missing.mof");

        var run = CimCloudCli.Run("mof", "compile", missing);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().StartWith(missing + ":").And.Contain(": error: ");
    }

    [Fact]
    public void Defining_a_class_or_an_instance_twice_is_an_error()
    {
        using var folder = new TestFolder();
        var classTwice = folder.File("class-twice.mof", "class T_A { [Key] string Id; };\nclass T_A { [Key] string Id; };\n");
        var instanceTwice = folder.File("instance-twice.mof",
            "class T_A { [Key] string Id; };\ninstance of T_A { Id = \"x\"; };\ninstance of T_A { Id = \"x\"; };\n");

        var run = CimCloudCli.Run("mof", "compile", classTwice);
        run.ExitCode.Should().Be(1, run.ToString());
        run.StderrLines.Should().ContainSingle(l => l.StartsWith(classTwice + ":2:", StringComparison.Ordinal) && l.Contains(": error: ", StringComparison.Ordinal));

        run = CimCloudCli.Run("mof", "compile", instanceTwice);
        run.ExitCode.Should().Be(1, run.ToString());
        run.StderrLines.Should().ContainSingle(l => l.StartsWith(instanceTwice + ":3:", StringComparison.Ordinal) && l.Contains(": error: ", StringComparison.Ordinal));
    }

    [Fact]
    public void All_files_are_one_unit_and_nothing_counts_when_one_fails()
    {
        using var folder = new TestFolder();
        var classes = folder.File("classes.mof", "class T_A { [Key] string Id; };\n");
        var instances = folder.File("instances.mof", "instance of T_A as $a { Id = \"a\"; };\ninstance of T_A { Id = \"b\"; };\n");
        var broken = folder.File("broken.mof", "class T_B : T_Nowhere { };\n");

        var run = CimCloudCli.Run("mof", "compile", classes, instances);
        run.ExitCode.Should().Be(0, run.ToString());
        run.StdoutLines.Should().Equal("classes=1 associations=0 indications=0 qualifiers=0 instances=2");

        run = CimCloudCli.Run("mof", "compile", classes, instances, broken);
        run.ExitCode.Should().Be(1, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith(broken + ":1:1: error: ");
    }

    [Fact]
    public void Include_folders_are_searched_for_pragma_include()
    {
        using var folder = new TestFolder();
        folder.File(Path.Combine("lib", "base.mof"), "class T_Base { [Key] string Id; };\n");
        var top = folder.File("top.mof", "#pragma include(\"base.mof\")\nclass T_Sub : T_Base { };\n");

        var without = CimCloudCli.Run("mof", "compile", top);
        without.ExitCode.Should().Be(1, without.ToString());
        without.Stderr.Should().Contain(top + ":1:").And.Contain("base.mof");

        var with = CimCloudCli.Run("mof", "compile", "-I", Path.Combine(folder.Path, "lib"), top);
        with.ExitCode.Should().Be(0, with.ToString());
        with.StdoutLines.Should().Equal("classes=2 associations=0 indications=0 qualifiers=0 instances=0");
    }

    [Fact]
    public void Lenient_turns_vendor_mof_errors_into_warnings()
    {
        if (SharedInputs.CimSchema(output) is not { } schema
            || SharedInputs.LibvirtSample("Virt_ResourceAllocationSettingData.mof", output) is not { } virtRasd
            || SharedInputs.LibvirtSample("ResourceAllocationSettingData.mof", output) is not { } rasd)
            return;

        var strict = CimCloudCli.Run("mof", "compile", schema, virtRasd, rasd);
        strict.ExitCode.Should().Be(1, strict.ToString());
        strict.Stdout.Should().BeEmpty();
        strict.StderrLines.Should().OnlyContain(l => DiagnosticLine().IsMatch(l));
        strict.StderrLines.Should().Contain(l => l.StartsWith(rasd + ":252:", StringComparison.Ordinal) && l.Contains(": error: ", StringComparison.Ordinal)
            && l.Contains("escape", StringComparison.Ordinal), "line 252 has the undefined escape '\\)'");

        var lenient = CimCloudCli.Run("mof", "compile", "--lenient", schema, virtRasd, rasd);
        lenient.ExitCode.Should().Be(0, lenient.ToString());
        lenient.StderrLines.Should().NotBeEmpty().And.OnlyContain(l => l.Contains(": warning: ", StringComparison.Ordinal) && DiagnosticLine().IsMatch(l));
        lenient.StderrLines.Should().Contain(l => l.StartsWith(rasd + ":252:", StringComparison.Ordinal) && l.Contains("escape", StringComparison.Ordinal));
        lenient.StdoutLines.Should().ContainSingle().Which.Should().MatchRegex(@"^classes=\d+ associations=643 indications=24 qualifiers=70 instances=0$");
    }

    [GeneratedRegex(@"^.+:\d+:\d+: (error|warning): .+$")]
    private static partial Regex DiagnosticLine();
}
