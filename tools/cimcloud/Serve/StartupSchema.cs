using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Repository;
using CimCloud.MofSchemas;

namespace CimCloud.Cli.Serve;

/// <summary>Fills the repository the server starts with: an optional full DMTF schema, then the --mof files.</summary>
internal static class StartupSchema
{
    /// <summary>
    /// Compiles what was asked for; returns false (after printing every diagnostic) when something failed.
    /// With <paramref name="withCimCloudSchema"/> the CimCloud schema goes first into root/cimv2 and root/interop
    /// (the embedded subset, or the full schema of <paramref name="schemaDir"/>, plus the CIMCLOUD_ classes).
    /// </summary>
    public static bool Load(CimRepository repository, string @namespace, string? schemaDir, IReadOnlyList<string> mofFiles, bool lenient, TextWriter error,
        bool withCimCloudSchema = false)
    {
        repository.GetOrCreateNamespace(@namespace);
        string? top = null;
        if (schemaDir is not null && (top = FindSchemaTopFile(schemaDir, error)) is null)
            return false;
        if (withCimCloudSchema)
        {
            var result = CimCloudSchema.Load(repository, top);
            foreach (var diagnostic in result.Diagnostics)
                error.WriteLine(diagnostic);
            if (!result.Success)
            {
                error.WriteLine("cimcloud serve: the CimCloud schema did not compile; not starting");
                return false;
            }
        }

        var schemaDone = withCimCloudSchema && CimCloudSchema.Namespaces.Contains(repository.GetNamespace(@namespace).Name, StringComparer.OrdinalIgnoreCase);
        if (top is not null && !schemaDone && !Compile(repository, [top], @namespace, lenient: false, error))
            return false;

        return mofFiles.Count == 0 || Compile(repository, mofFiles, @namespace, lenient, error);
    }

    private static bool Compile(CimRepository repository, IReadOnlyList<string> files, string @namespace, bool lenient, TextWriter error)
    {
        var compiler = new MofCompiler(repository, new MofCompilerOptions { Lenient = lenient, DefaultNamespace = @namespace });
        var result = compiler.CompileFiles(files);
        foreach (var diagnostic in result.Diagnostics)
            error.WriteLine(diagnostic);
        if (!result.Success)
            error.WriteLine($"cimcloud serve: {string.Join(", ", files)} did not compile; not starting");
        return result.Success;
    }

    private static string? FindSchemaTopFile(string schemaDir, TextWriter error)
    {
        if (!Directory.Exists(schemaDir))
        {
            error.WriteLine($"cimcloud serve: --schema-dir {schemaDir} does not exist");
            return null;
        }

        var candidates = Directory.GetFiles(schemaDir, "cim_schema_*.mof");
        if (candidates.Length == 1)
            return candidates[0];
        error.WriteLine(candidates.Length == 0
            ? $"cimcloud serve: --schema-dir {schemaDir} holds no cim_schema_<version>.mof"
            : $"cimcloud serve: --schema-dir {schemaDir} holds several top files ({string.Join(", ", candidates.Select(Path.GetFileName))})");
        return null;
    }
}
