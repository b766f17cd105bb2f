using CimCloud.Providers.Hosts;
using CimCloud.Providers.Hosts.Libvirt;
using CimCloud.Providers.Hosts.Simulated;

namespace CimCloud.Cli.Serve;

/// <summary>
/// The host backends <c>cimcloud serve --provider NAME[:URI]</c> can run on, by name. <c>none</c> serves the
/// repository only (no schema, no providers: the server as it was before the providers).
/// </summary>
internal static class HostBackends
{
    public const string Simulated = "simulated";
    public const string Libvirt = "libvirt";
    public const string None = "none";

    /// <summary>What a backend factory gets: the part after the colon (null when absent) and the simulated host's settings.</summary>
    public delegate IVirtualizationHost Factory(string? uri, SimulatedHostSettings simulatedSettings);

    private static readonly Dictionary<string, Factory> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        [Simulated] = static (_, settings) => new SimulatedHost(settings),

        [Libvirt] = static (uri, _) => LibvirtHost.Open(uri ?? LibvirtHost.DefaultUri),
    };

    private static readonly Dictionary<string, string> NotBuiltYet = new(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Names => [.. Factories.Keys, .. NotBuiltYet.Keys, None];

    /// <summary>Splits <c>NAME[:URI]</c>; the URI keeps its own colons (<c>libvirt:qemu:///system</c>).</summary>
    public static (string Name, string? Uri) Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (spec.Trim(), null) : (spec[..colon].Trim(), spec[(colon + 1)..]);
    }

    /// <summary>
    /// The backend for <paramref name="spec"/>; null with <paramref name="error"/> set when the name is unknown,
    /// not built, or the backend failed to open. <c>none</c> gives null and no error.
    /// </summary>
    public static IVirtualizationHost? Create(string spec, SimulatedHostSettings simulatedSettings, out string? error)
    {
        var (name, uri) = Parse(spec);
        error = null;
        if (string.Equals(name, None, StringComparison.OrdinalIgnoreCase))
            return null;
        if (NotBuiltYet.TryGetValue(name, out var why))
        {
            error = $"--provider {spec}: {why}";
            return null;
        }

        if (!Factories.TryGetValue(name, out var factory))
        {
            error = $"--provider {spec}: unknown backend '{name}' (known: {string.Join(", ", Names)})";
            return null;
        }

        try
        {
            return factory(uri, simulatedSettings);
        }
        catch (HostException e)
        {
            error = $"--provider {spec}: cannot open the backend: {e.Message}";
            return null;
        }
    }
}
