using Xunit;
using Xunit.Abstractions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>
/// Finds the conformance fixture <c>shared/fixtures/cct.mof</c> (<c>$CIM_FIXTURES_DIR</c>, else by walking up from the
/// test binaries to a folder D with <c>D/shared</c> or <c>D/../shared</c>). Without it the server tests fail under
/// CI (<c>CI=true</c>) and otherwise return early, saying why.
/// </summary>
internal static class ServerTestData
{
    public static string? FixtureFile { get; } = Locate();

    /// <summary>True when the fixture is there; else fails under CI or explains and returns false.</summary>
    public static bool Require(ITestOutputHelper output)
    {
        if (FixtureFile is not null)
            return true;
        const string message = "shared/fixtures/cct.mof not found: set CIM_FIXTURES_DIR or place the workspace's shared/ folder beside (or above) the repository.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message + " Under CI the data is required.");
        output.WriteLine("SKIPPED: " + message);
        return false;
    }

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CIM_FIXTURES_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            var file = Path.Combine(fromEnvironment, "cct.mof");
            return File.Exists(file) ? Path.GetFullPath(file) : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[]
                     {
                         Path.Combine(directory.FullName, "shared", "fixtures", "cct.mof"),
                         Path.Combine(directory.FullName, "..", "shared", "fixtures", "cct.mof"),
                     })
            {
                if (File.Exists(candidate))
                    return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
