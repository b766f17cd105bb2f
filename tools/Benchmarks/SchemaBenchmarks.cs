using BenchmarkDotNet.Attributes;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Mof.Writing;
using CimCloud.Cimom.Repository;

namespace CimCloud.Benchmarks;

/// <summary>
/// The MOF compiler and writer on the whole DMTF CIM Schema 2.49.0 (1,634 files, 1,631 classes), warm and
/// in-process. Goal: compile in at most 0.2 s. The schema comes from <c>$CIM_SCHEMA_DIR</c> or the shared folder.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class SchemaBenchmarks
{
    private string _schemaFile = null!;
    private string? _fixtureFile;
    private CimNamespace _compiled = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schemaFile = SchemaLocator.CimSchemaFile
            ?? throw new InvalidOperationException("CIM Schema 2.49.0 not found: set CIM_SCHEMA_DIR or put the shared folder beside the repository");
        _fixtureFile = SchemaLocator.FixturesDir is { } dir ? Path.Combine(dir, "cct.mof") : null;
        var repository = new CimRepository();
        Compile(repository, _schemaFile);
        _compiled = repository.GetNamespace(MofCompilerOptionsDefaults.Namespace);
    }

    [Benchmark(Description = "compile CIM Schema 2.49.0")]
    public CimRepository CompileSchema()
    {
        var repository = new CimRepository();
        Compile(repository, _schemaFile);
        return repository;
    }

    [Benchmark(Description = "write CIM Schema 2.49.0 as MOF")]
    public void WriteSchema() => MofWriter.Write(_compiled, TextWriter.Null);

    [Benchmark(Description = "compile cct.mof fixture")]
    public CimRepository CompileFixture()
    {
        var repository = new CimRepository();
        if (_fixtureFile is not null)
            Compile(repository, _fixtureFile);
        return repository;
    }

    internal static void Compile(CimRepository repository, string file)
    {
        var result = new MofCompiler(repository, new MofCompilerOptions()).CompileFiles([file]);
        if (!result.Success)
            throw new InvalidOperationException($"{file} did not compile: {result.Errors.First()}");
    }
}

internal static class MofCompilerOptionsDefaults
{
    public static readonly string Namespace = new MofCompilerOptions().DefaultNamespace;
}
