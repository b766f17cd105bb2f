using CimCloud.Providers;
using CimCloud.Providers.Hosts.Simulated;
using Microsoft.Extensions.Configuration;

namespace CimCloud.Cli.Serve;

/// <summary>The provider settings of the serve configuration (JSON <c>--config</c> file, then environment variables).</summary>
internal static class ServeSettings
{
    /// <summary>The <c>CimCloud:Simulated</c> section (keys as in <see cref="SimulatedHostSettings"/>).</summary>
    public static SimulatedHostSettings Simulated(string? jsonFile) => SimulatedHostSettings.FromValues(Section(jsonFile, SimulatedHostSettings.SectionName));

    /// <summary>The <c>CimCloud:Providers</c> section (keys as in <see cref="ProviderSettings"/>).</summary>
    public static ProviderSettings Providers(string? jsonFile) => ProviderSettings.FromValues(Section(jsonFile, ProviderSettings.SectionName));

    private static Dictionary<string, string?> Section(string? jsonFile, string name)
    {
        var builder = new ConfigurationBuilder();
        if (jsonFile is not null)
            builder.AddJsonFile(Path.GetFullPath(jsonFile), optional: false, reloadOnChange: false);
        builder.AddEnvironmentVariables();
        var section = builder.Build().GetSection(name);
        return section.AsEnumerable(makePathsRelative: true).Where(kv => kv.Key.Length > 0)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
    }
}
