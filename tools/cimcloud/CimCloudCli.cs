using System.CommandLine;
using CimCloud.Cli.Cert;
using CimCloud.Cli.Mof;
using CimCloud.Cli.Serve;
using CimCloud.Cli.Users;

namespace CimCloud.Cli;

/// <summary>The <c>cimcloud</c> command tree. Each command group lives in its own folder (Mof/, Serve/).</summary>
public static class CimCloudCli
{
    /// <summary>Success.</summary>
    public const int ExitOk = 0;

    /// <summary>The command ran and failed: MOF errors, unreadable input, unwritable output.</summary>
    public const int ExitFailed = 1;

    /// <summary>The command line itself is wrong (unknown option, missing argument).</summary>
    public const int ExitUsage = 2;

    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "CimCloud: an open CIM object manager and WS-Management endpoint.\n"
            + "'serve' runs the WS-Management endpoint; 'mof' compiles and formats MOF (DMTF DSP0004);\n"
            + "'users' manages users files (hashed passwords, roles); 'cert' makes a self-signed server certificate.\n"
            + "Exit codes: 0 success, 1 failure (MOF errors, I/O, a listener that cannot start), 2 bad command line.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MofCommands.Create());
        root.Subcommands.Add(UsersCommands.Create());
        root.Subcommands.Add(CertCommands.Create());
        return root;
    }

    /// <summary>Parses and runs a command line; <paramref name="output"/> gets results, <paramref name="error"/> diagnostics.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parse = CreateRootCommand().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
                error.WriteLine($"cimcloud: {e.Message}");
            error.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
            return ExitUsage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, r.Command is RootCommand ? "cimcloud" : r.Command.Name);
        return string.Join(' ', names);
    }
}
