using Xunit;
using Xunit.Abstractions;

namespace CimCloud.MofSchemas.Tests;

/// <summary>
/// The full DMTF CIM Schema 2.49.0 from the workspace's shared folder (<c>$CIM_SCHEMA_DIR</c>, else
/// <c>shared/cim-schema/2.49.0</c> beside or above the test binaries). Missing: the test explains and
/// returns, except under CI (<c>CI=true</c>) where it fails.
/// </summary>
internal static class SharedSchema
{
    public static string? RequireTopFile(ITestOutputHelper output)
    {
        var top = Locate();
        if (top is not null)
            return top;
        const string message = "CIM Schema 2.49.0 not found (set CIM_SCHEMA_DIR or place shared/ beside the repository).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message + " Under CI the data is required.");
        output.WriteLine("SKIPPED: " + message);
        return null;
    }

    private static string? Locate()
    {
        const string file = "cim_schema_2.49.0.mof";
        var fromEnvironment = Environment.GetEnvironmentVariable("CIM_SCHEMA_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
            return File.Exists(Path.Combine(fromEnvironment, file)) ? Path.Combine(fromEnvironment, file) : null;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(directory.FullName, "shared"), Path.Combine(directory.FullName, "..", "shared") })
            {
                var path = Path.Combine(candidate, "cim-schema", "2.49.0", file);
                if (File.Exists(path))
                    return Path.GetFullPath(path);
            }
        }

        return null;
    }
}
