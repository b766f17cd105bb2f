using FluentAssertions;
using Xunit;

namespace CimCloud.ConformanceTests;

/// <summary>--help texts and command-line mistakes (exit code 2).</summary>
public sealed class HelpAndUsageTests
{
    [Theory]
    [InlineData(new[] { "--help" }, new[] { "mof", "Exit codes" })]
    [InlineData(new[] { "mof", "--help" }, new[] { "compile", "format" })]
    [InlineData(new[] { "mof", "compile", "--help" }, new[] { "--lenient", "--namespace", "--include", "classes=N associations=N indications=N qualifiers=N instances=N", "exit code 1" })]
    [InlineData(new[] { "mof", "format", "--help" }, new[] { "--output", "--lenient", "#pragma namespace" })]
    public void Help_describes_the_commands(string[] args, string[] expected)
    {
        var run = CimCloudCli.Run(args);

        run.ExitCode.Should().Be(0, run.ToString());
        foreach (var text in expected)
            run.Stdout.Should().Contain(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mof")]
    [InlineData("mof compile")]
    [InlineData("mof compile --no-such-option x.mof")]
    [InlineData("mof format -o")]
    [InlineData("frobnicate")]
    public void Command_line_mistakes_exit_with_2(string commandLine)
    {
        var run = CimCloudCli.Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("--help");
    }
}
