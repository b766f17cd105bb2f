using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests;

/// <summary><c>cimcloud mof format</c>: its output is MOF that compiles again to the same counts.</summary>
public sealed class MofFormatCommandTests(ITestOutputHelper output)
{
    [Fact]
    public void Formatted_cct_fixture_compiles_again()
    {
        if (SharedInputs.CctFixture(output) is not { } cct)
            return;
        using var folder = new TestFolder();
        var file = folder.File("cct-formatted.mof");

        var toStdout = CimCloudCli.Run("mof", "format", cct);
        toStdout.ExitCode.Should().Be(0, toStdout.ToString());
        toStdout.Stderr.Should().BeEmpty();
        toStdout.Stdout.Should().Contain("class CCT_HostDisk").And.Contain("instance of CCT_Port");

        var toFile = CimCloudCli.Run("mof", "format", "-o", file, cct);
        toFile.ExitCode.Should().Be(0, toFile.ToString());
        toFile.Stdout.Should().BeEmpty();
        File.ReadAllText(file).Should().Be(toStdout.Stdout, "-o writes what stdout would get");

        var again = CimCloudCli.Run("mof", "compile", file);
        again.ExitCode.Should().Be(0, again.ToString());
        // The formatted file also declares the qualifiers (the 70 standard and optional DSP0004 ones).
        again.StdoutLines.Should().Equal("classes=5 associations=1 indications=0 qualifiers=70 instances=9");

        var formattedTwice = CimCloudCli.Run("mof", "format", file);
        formattedTwice.Stdout.Should().Be(toStdout.Stdout, "formatting is idempotent");
    }

    [Fact]
    public void Format_writes_nothing_when_the_input_has_errors()
    {
        using var folder = new TestFolder();
        var bad = folder.File("bad.mof", "class T_A { [Key] string Id; };\ninstance of T_A { Nope = 1; };\n");
        var target = Path.Combine(folder.Path, "out.mof");

        var run = CimCloudCli.Run("mof", "format", "-o", target, bad);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().StartWith(bad + ":2:");
        File.Exists(target).Should().BeFalse();
    }

    [Fact]
    public void Each_namespace_is_written_under_its_own_pragma()
    {
        using var folder = new TestFolder();
        var mof = folder.File("two.mof", """
            class T_A { [Key] string Id; };
            instance of T_A { Id = "in default"; };
            #pragma namespace("root/other")
            class T_B { [Key] uint32 N; };
            instance of T_B { N = 1; };
            """);

        var run = CimCloudCli.Run("mof", "format", mof);
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("#pragma namespace(\"root/cimv2\")").And.Contain("#pragma namespace(\"root/other\")");

        var formatted = folder.File("formatted.mof", run.Stdout);
        var again = CimCloudCli.Run("mof", "compile", "--namespace", "root/elsewhere", formatted);
        again.ExitCode.Should().Be(0, again.ToString());
        again.StdoutLines.Should().Equal("classes=2 associations=0 indications=0 qualifiers=140 instances=2");
    }

    [Fact]
    public void Lenient_vendor_mof_formats_to_strict_mof()
    {
        if (SharedInputs.CimSchema(output) is not { } schema
            || SharedInputs.LibvirtSample("RegisteredProfile.mof", output) is not { } profile
            || SharedInputs.LibvirtSample("ElementConformsToProfile.mof", output) is not { } conforms
            || SharedInputs.LibvirtSample("Virt_VSSD.mof", output) is not { } vssd)
            return;
        using var folder = new TestFolder();
        var file = folder.File("vendor.mof");

        var strictInput = CimCloudCli.Run("mof", "compile", schema, profile, conforms, vssd);
        strictInput.ExitCode.Should().Be(1, "Virt_VSSD.mof uses a bare Override");

        var format = CimCloudCli.Run("mof", "format", "--lenient", "-o", file, schema, profile, conforms, vssd);
        format.ExitCode.Should().Be(0, format.ToString());
        format.Stderr.Should().Contain(": warning: ");

        var again = CimCloudCli.Run("mof", "compile", file);
        again.ExitCode.Should().Be(0, again.ToString());
        again.Stderr.Should().BeEmpty("the formatted MOF needs no leniency");
    }
}
