using CimCloud.Providers.Hosts.Simulated;
using Microsoft.Extensions.Configuration;

namespace CimCloud.Cli.Serve;

/// <summary>The provider settings of the serve configuration (JSON <c>--config</c> file, then environment variables).</summary>
internal static class ServeSettings
{
    /// <summary>The <c>CimCloud:Simulated</c> section (keys as in <see cref="SimulatedHostSettings"/>).</summary>
    public static SimulatedHostSettings Simulated(string? jsonFile)
    {
        var builder = new ConfigurationBuilder();
        if (jsonFile is not null)
            builder.AddJsonFile(Path.GetFullPath(jsonFile), optional: false, reloadOnChange: false);
        builder.AddEnvironmentVariables();
        var section = builder.Build().GetSection(SimulatedHostSettings.SectionName);
        var values = section.GetChildren().ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase);
        return SimulatedHostSettings.FromValues(values);
    }
}
