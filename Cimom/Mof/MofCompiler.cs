using CimCloud.Cimom.Mof.Binding;
using CimCloud.Cimom.Mof.Parsing;
using CimCloud.Cimom.Repository;

namespace CimCloud.Cimom.Mof;

/// <summary>
/// Compiles MOF into a <see cref="CimRepository"/>. All files of one call are one compilation unit
/// (aliases are shared; instances may use aliases defined later). Nothing is stored unless the whole
/// unit compiles without errors; diagnostics are <c>path:line:col: error|warning: message</c>.
/// </summary>
public sealed class MofCompiler
{
    private readonly CimRepository _repository;
    private readonly MofCompilerOptions _options;
    private readonly MofParseOptions _parseOptions;

    public MofCompiler(CimRepository repository, MofCompilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(options);
        _repository = repository;
        _options = options;
        _parseOptions = new MofParseOptions { IncludeDirectories = options.IncludeDirectories, Lenient = options.Lenient };
    }

    public MofCompileResult CompileFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var unit = new CompilationUnit(_repository, _options, _parseOptions);
        foreach (var path in paths)
            unit.AddParsed(MofParser.ParseFile(path, _parseOptions));
        return unit.Complete();
    }

    public MofCompileResult CompileFile(string path) => CompileFiles([path]);

    public MofCompileResult CompileText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unit = new CompilationUnit(_repository, _options, _parseOptions);
        unit.AddParsed(MofParser.ParseText(text, fileName, _parseOptions));
        return unit.Complete();
    }
}
