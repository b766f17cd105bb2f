using Microsoft.Extensions.Configuration;

namespace CimCloud.WsManEndpoint.Hosting;

/// <summary>
/// Loads <see cref="WsManServerOptions"/> from a JSON file and environment variables (later sources win) via
/// Microsoft.Extensions.Configuration, section <see cref="WsManServerOptions.SectionName"/>:
/// <code>{ "CimCloud": { "WsMan": { "Urls": ["http://127.0.0.1:5985"], "Users": ["admin:secret"], "AllowUnencrypted": true } } }</code>
/// or <c>CimCloud__WsMan__Urls__0=http://0.0.0.0:5985</c>, <c>CimCloud__WsMan__UsersFile=/etc/cimcloud/users</c>.
/// TimeSpan settings use <c>hh:mm:ss</c>.
/// </summary>
public static class WsManConfiguration
{
    /// <param name="jsonFile">A JSON settings file, or null for none.</param>
    /// <param name="useEnvironment">Also read environment variables.</param>
    /// <param name="overrides">Last-word key/value pairs (<c>CimCloud:WsMan:Users:0</c>), e.g. from command-line options.</param>
    public static WsManServerOptions Load(string? jsonFile = null, bool useEnvironment = true, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = new ConfigurationBuilder();
        if (jsonFile is not null)
            builder.AddJsonFile(Path.GetFullPath(jsonFile), optional: false, reloadOnChange: false);
        if (useEnvironment)
            builder.AddEnvironmentVariables();
        if (overrides is not null)
            builder.AddInMemoryCollection(overrides);
        return Bind(builder.Build());
    }

    /// <summary>Binds the options from <paramref name="configuration"/>'s <see cref="WsManServerOptions.SectionName"/> section.</summary>
    public static WsManServerOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new WsManServerOptions();
        configuration.GetSection(WsManServerOptions.SectionName).Bind(options);
        return options;
    }
}
