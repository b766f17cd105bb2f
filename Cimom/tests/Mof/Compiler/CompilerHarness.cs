using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Repository;

namespace CimCloud.Cimom.Tests.Mof.Compiler;

/// <summary>Compiles MOF text into a fresh repository for rule tests.</summary>
internal static class CompilerHarness
{
    public static (MofCompileResult Result, CimRepository Repository) Compile(string mof, bool lenient = false, CimRepository? repository = null)
    {
        repository ??= new CimRepository();
        var compiler = new MofCompiler(repository, new MofCompilerOptions { Lenient = lenient });
        return (compiler.CompileText(mof, "test.mof"), repository);
    }

    public static string Errors(this MofCompileResult result) => string.Join("\n", result.Errors);

    public static string Warnings(this MofCompileResult result) => string.Join("\n", result.Warnings);
}
