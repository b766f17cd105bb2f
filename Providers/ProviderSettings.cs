using System.Globalization;

namespace CimCloud.Providers;

/// <summary>
/// Which providers the server runs, from the <c>CimCloud:Providers</c> settings section (JSON <c>--config</c> file or
/// <c>CimCloud__Providers__*</c> environment variables); command-line options win over it:
/// <c>Backend</c> (<c>simulated</c>, <c>libvirt[:URI]</c>, <c>none</c>), <c>Assemblies</c> (an array, or one
/// comma-separated string, of provider assembly paths) and <c>TimeoutSeconds</c> (one provider call; 0 = no limit).
/// </summary>
public sealed record ProviderSettings
{
    public const string SectionName = "CimCloud:Providers";

    public string Backend { get; init; } = "simulated";

    public IReadOnlyList<string> Assemblies { get; init; } = [];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Settings from the section's flattened keys (<c>Backend</c>, <c>TimeoutSeconds</c>, <c>Assemblies</c> or
    /// <c>Assemblies:0</c>, <c>Assemblies:1</c> ...; case-insensitive). A bad value is a <see cref="FormatException"/> naming its key.
    /// </summary>
    public static ProviderSettings FromValues(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var settings = new ProviderSettings();
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        if (Get("Backend") is { } backend)
            settings = settings with { Backend = backend };
        if (Get("TimeoutSeconds") is { } timeout)
        {
            if (!double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || seconds > int.MaxValue / 1000.0)
                throw new FormatException($"{SectionName}:TimeoutSeconds: '{timeout}' is not a number of seconds between 0 and {int.MaxValue / 1000}");
            settings = settings with { Timeout = seconds == 0 ? System.Threading.Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds) };
        }

        var indexed = values.Where(kv => kv.Key.StartsWith("Assemblies:", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(kv.Value))
            .OrderBy(kv => int.TryParse(kv.Key["Assemblies:".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
            .Select(kv => kv.Value!.Trim())
            .ToList();
        if (Get("Assemblies") is { } list)
            indexed.InsertRange(0, list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (indexed.Count > 0)
            settings = settings with { Assemblies = indexed };
        return settings;
    }
}
