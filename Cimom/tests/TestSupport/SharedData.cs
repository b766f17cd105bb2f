using Xunit;
using Xunit.Abstractions;

namespace CimCloud.Cimom.Tests.TestSupport;

/// <summary>
/// Locates the read-only data in the workspace's <c>shared/</c> folder (CIM schema, vendor MOF samples,
/// conformance fixtures). Each location can be overridden by an environment variable; otherwise it is
/// found by walking up from the test binaries to a folder D with <c>D/shared/...</c> (or <c>D/../shared/...</c>).
/// </summary>
public static class SharedData
{
    /// <summary>Folder of CIM Schema 2.49.0 (<c>$CIM_SCHEMA_DIR</c>, else <c>shared/cim-schema/2.49.0</c>).</summary>
    public static string? CimSchemaDir { get; } =
        Locate("CIM_SCHEMA_DIR", Path.Combine("cim-schema", "2.49.0"), "cim_schema_2.49.0.mof");

    /// <summary>Folder of the vendor MOF samples (<c>$MOF_SAMPLES_DIR</c>, else <c>shared/mof-samples</c>).</summary>
    public static string? MofSamplesDir { get; } = Locate("MOF_SAMPLES_DIR", "mof-samples", "README.md");

    /// <summary>Folder of the conformance fixtures (<c>$CIM_FIXTURES_DIR</c>, else <c>shared/fixtures</c>).</summary>
    public static string? FixturesDir { get; } = Locate("CIM_FIXTURES_DIR", "fixtures", "cct.mof");

    /// <summary>The schema's top file, <c>cim_schema_2.49.0.mof</c>, or null when the schema is absent.</summary>
    public static string? CimSchemaFile =>
        CimSchemaDir is null ? null : Path.Combine(CimSchemaDir, "cim_schema_2.49.0.mof");

    /// <summary>
    /// Returns <paramref name="directory"/> when it was found. When it was not: fails under CI
    /// (<c>CI=true</c>), else writes why the test did nothing to <paramref name="output"/> and returns null,
    /// so the test returns early (xunit 2 has no dynamic skip).
    /// </summary>
    public static string? RequireOrExplain(string? directory, string what, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (directory is not null)
            return directory;
        string message = $"{what} not found: set the environment variable or place the workspace's shared/ folder " +
            "beside (or above) the repository.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"{message} Under CI the data is required.");
        output.WriteLine($"SKIPPED: {message}");
        return null;
    }

    private static string? Locate(string environmentVariable, string relativePath, string markerFile)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (string candidate in new[]
                     {
                         Path.Combine(directory.FullName, "shared", relativePath),
                         Path.Combine(directory.FullName, "..", "shared", relativePath),
                     })
            {
                if (File.Exists(Path.Combine(candidate, markerFile)))
                    return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
