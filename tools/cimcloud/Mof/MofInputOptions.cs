using System.CommandLine;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Repository;

namespace CimCloud.Cli.Mof;

/// <summary>The options every MOF command shares: --lenient, --namespace, --include and the input files.</summary>
internal sealed class MofInputOptions
{
    public const string DefaultNamespace = "root/cimv2";

    public Option<bool> Lenient { get; } = new("--lenient")
    {
        Description = "Accept real-world vendor MOF, reporting each deviation as a warning instead of an error: "
            + "unknown string escapes (e.g. '\\)') are taken literally; a bare 'Override' names the element it is on; "
            + "an inherited property or method redeclared without Override is taken as an override; "
            + "an undeclared qualifier is declared on the fly (Scope(any)); a single value given for an array qualifier becomes a one-element array; "
            + "an Association qualifier below a non-association is ignored; an instance without all key values is skipped.",
    };

    public Option<string> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "Namespace the MOF is compiled into until a '#pragma namespace' says otherwise.",
        HelpName = "NS",
        DefaultValueFactory = _ => DefaultNamespace,
    };

    public Option<string[]> Include { get; } = new("--include", "-I")
    {
        Description = "Folder searched for '#pragma include' files after the including file's own folder. Repeatable; searched in order.",
        HelpName = "DIR",
        AllowMultipleArgumentsPerToken = false,
    };

    public Argument<string[]> Files { get; } = new("FILE")
    {
        Description = "MOF files, compiled in order as one unit: aliases are shared, and nothing is kept unless all of them compile.",
        Arity = ArgumentArity.OneOrMore,
    };

    public MofInputOptions()
    {
        // FILE takes any token, so a mistyped option would otherwise be reported as a missing MOF file.
        Files.Validators.Add(result =>
        {
            foreach (var file in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (file.StartsWith('-') && file.Length > 1 && !File.Exists(file))
                    result.AddError($"Unrecognized option '{file}'.");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Lenient);
        command.Options.Add(Namespace);
        command.Options.Add(Include);
        command.Arguments.Add(Files);
    }

    /// <summary>Compiles the files named on the command line into <paramref name="repository"/>.</summary>
    public MofCompileResult Compile(ParseResult parse, CimRepository repository)
    {
        var options = new MofCompilerOptions
        {
            Lenient = parse.GetValue(Lenient),
            DefaultNamespace = NamespaceOf(parse),
            IncludeDirectories = parse.GetValue(Include) ?? [],
        };
        return new MofCompiler(repository, options).CompileFiles(parse.GetValue(Files) ?? []);
    }

    public string NamespaceOf(ParseResult parse) => parse.GetValue(Namespace) ?? DefaultNamespace;

    /// <summary>Every diagnostic, in order, as <c>path:line:col: error|warning: message</c>.</summary>
    public static void PrintDiagnostics(MofCompileResult result, TextWriter error)
    {
        foreach (var d in result.Diagnostics)
            error.WriteLine(d.ToString());
    }
}
