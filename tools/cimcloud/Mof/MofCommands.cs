using System.CommandLine;

namespace CimCloud.Cli.Mof;

/// <summary>The <c>cimcloud mof</c> command group.</summary>
internal static class MofCommands
{
    public static Command Create()
    {
        var mof = new Command("mof", "Compile and format MOF (Managed Object Format, DMTF DSP0004) files.");
        mof.Subcommands.Add(CompileCommand.Create());
        mof.Subcommands.Add(FormatCommand.Create());
        return mof;
    }
}
