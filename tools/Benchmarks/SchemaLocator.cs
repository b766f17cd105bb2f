namespace CimCloud.Benchmarks;

/// <summary>
/// Finds the CIM Schema and the fixtures in the workspace's read-only <c>shared/</c> folder: an environment
/// variable first, else a folder <c>shared/</c> found by walking up from the program's folder and from the
/// current directory (the repository sits beside it, so <c>../shared</c> from the repository root).
/// </summary>
internal static class SchemaLocator
{
    /// <summary>Folder of CIM Schema 2.49.0: <c>$CIM_SCHEMA_DIR</c>, else <c>shared/cim-schema/2.49.0</c>.</summary>
    public static string? CimSchemaDir => Locate("CIM_SCHEMA_DIR", Path.Combine("cim-schema", "2.49.0"), "cim_schema_2.49.0.mof");

    /// <summary>The schema's top file, or null when the schema is not there.</summary>
    public static string? CimSchemaFile => CimSchemaDir is { } dir ? Path.Combine(dir, "cim_schema_2.49.0.mof") : null;

    /// <summary>Folder of the conformance fixtures: <c>$CIM_FIXTURES_DIR</c>, else <c>shared/fixtures</c>.</summary>
    public static string? FixturesDir => Locate("CIM_FIXTURES_DIR", "fixtures", "cct.mof");
    private static string? Locate(string environmentVariable, string relativePath, string markerFile)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
            return File.Exists(Path.Combine(fromEnvironment, markerFile)) ? Path.GetFullPath(fromEnvironment) : null;

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", relativePath);
                if (File.Exists(Path.Combine(candidate, markerFile)))
                    return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
