using System.CommandLine;
using System.Text;
using CimCloud.Cimom.Mof.Writing;
using CimCloud.Cimom.Repository;

namespace CimCloud.Cli.Mof;

/// <summary><c>cimcloud mof format</c>: compile, then write the namespace back as canonical MOF.</summary>
internal static class FormatCommand
{
    private const string Description = """
        Compile MOF files, then write the result as MOF: the namespace's qualifier declarations (the standard
        DSP0004 ones included), its classes in definition order with only their own properties, methods and
        qualifiers, and its instances (references as object-path strings). The output compiles again to the
        same namespace, in strict mode even when the input needed --lenient.

        If the files fill more than one namespace ('#pragma namespace'), each is written after its own
        '#pragma namespace' line. Diagnostics go to stderr as with 'mof compile'; on any error nothing is
        written and the exit code is 1. Exit code 2: bad command line.
        """;

    public static Command Create()
    {
        var inputs = new MofInputOptions();
        var outputFile = new Option<string>("--output", "-o")
        {
            Description = "Write the MOF to this file instead of stdout.",
            HelpName = "FILE",
        };
        var command = new Command("format", Description);
        inputs.AddTo(command);
        command.Options.Add(outputFile);
        command.SetAction(parse =>
        {
            var config = parse.InvocationConfiguration;
            var repository = new CimRepository();
            var result = inputs.Compile(parse, repository);
            MofInputOptions.PrintDiagnostics(result, config.Error);
            if (!result.Success)
                return CimCloudCli.ExitFailed;

            var path = parse.GetValue(outputFile);
            try
            {
                if (path is null)
                {
                    Write(repository, inputs.NamespaceOf(parse), config.Output);
                }
                else
                {
                    using var file = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
                    Write(repository, inputs.NamespaceOf(parse), file);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                config.Error.WriteLine($"cimcloud: cannot write {path ?? "the output"}: {e.Message}");
                return CimCloudCli.ExitFailed;
            }

            return CimCloudCli.ExitOk;
        });
        return command;
    }

    private static void Write(CimRepository repository, string defaultNamespace, TextWriter writer)
    {
        var names = repository.NamespaceNames;
        var onlyDefault = names.Count == 1 && string.Equals(names[0], Normalize(defaultNamespace), StringComparison.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var options = new MofWriterOptions { Namespace = onlyDefault ? null : name };
            MofWriter.Write(repository.GetNamespace(name), writer, options);
        }
    }

    private static string Normalize(string ns) => Cimom.Model.CimObjectPath.NormalizeNamespace(ns);
}
