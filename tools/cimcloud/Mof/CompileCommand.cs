using System.CommandLine;
using CimCloud.Cimom.Repository;

namespace CimCloud.Cli.Mof;

/// <summary><c>cimcloud mof compile</c>: check MOF files and count what they declare.</summary>
internal static class CompileCommand
{
    private const string Description = """
        Compile MOF files into a fresh in-memory repository and report what they declare.

        Diagnostics go to stderr, one per line: 'path:line:col: warning: message' or 'path:line:col: error: message'.
        Without errors, exit code 0 and one summary line on stdout:
          classes=N associations=N indications=N qualifiers=N instances=N
        counting what the given files declare (classes includes associations and indications; qualifiers counts
        qualifier declarations written in the files, not the standard ones every namespace starts with).
        With any error: every error (and warning) on stderr, no summary line, exit code 1. A class or instance
        defined twice is an error. Exit code 2: bad command line.
        """;

    public static Command Create()
    {
        var inputs = new MofInputOptions();
        var command = new Command("compile", Description);
        inputs.AddTo(command);
        command.SetAction(parse =>
        {
            var result = inputs.Compile(parse, new CimRepository());
            MofInputOptions.PrintDiagnostics(result, parse.InvocationConfiguration.Error);
            if (!result.Success)
                return CimCloudCli.ExitFailed;
            parse.InvocationConfiguration.Output.WriteLine(result.Counts.ToString());
            return CimCloudCli.ExitOk;
        });
        return command;
    }
}
