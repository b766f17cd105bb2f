using System.Collections;
using System.Globalization;

namespace CimCloud.Providers.Hosts.Simulated;

/// <summary>
/// How the simulated host behaves. Read from <c>CimCloud__Simulated__*</c> environment variables
/// (<see cref="FromEnvironment"/>) or from the <c>CimCloud:Simulated</c> section of the serve settings
/// (<see cref="FromValues"/>): <c>HostName</c>, <c>LogicalProcessors</c>, <c>MemoryMiB</c>, <c>Seed</c>,
/// <c>DelayMilliseconds</c> (every call waits this long first), <c>FailOperations</c> (comma-separated
/// operation names, e.g. <c>DefineMachine,ChangeState</c>, or <c>*</c>) and <c>FailEvery</c> (the Nth
/// call of those operations fails; 1 or unset = every call).
/// </summary>
public sealed record SimulatedHostSettings
{
    public const string SectionName = "CimCloud:Simulated";

    public string HostName { get; init; } = "simulated-host";

    public int LogicalProcessors { get; init; } = 16;

    public ulong MemoryBytes { get; init; } = 16UL << 30;

    /// <summary>Seeds every generated identity (UUIDs of new machines, MAC addresses), so runs repeat.</summary>
    public int Seed { get; init; } = 1;

    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    /// <summary>Operation names (<see cref="SimulatedOperation"/>) whose calls fail with an injected HostException(Failed); "*" = all.</summary>
    public IReadOnlySet<string> FailOperations { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Only every Nth call of a failing operation fails (counted over all of them); 1 = every call.</summary>
    public int FailEvery { get; init; } = 1;

    /// <summary>Settings from <c>CimCloud__Simulated__*</c> environment variables (unset ones keep their defaults).</summary>
    public static SimulatedHostSettings FromEnvironment(IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        const string prefix = "CimCloud__Simulated__";
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string key && key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                values[key[prefix.Length..]] = entry.Value as string;
        }

        return FromValues(values);
    }

    /// <summary>
    /// Settings from key/value pairs (keys as in the class summary, case-insensitive). A value that does
    /// not parse is a <see cref="FormatException"/> naming the key.
    /// </summary>
    public static SimulatedHostSettings FromValues(IReadOnlyDictionary<string, string?> values, SimulatedHostSettings? basis = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var settings = basis ?? new SimulatedHostSettings();
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        if (Get("HostName") is { } host)
            settings = settings with { HostName = host };
        if (Get("LogicalProcessors") is { } cpus)
            settings = settings with { LogicalProcessors = Positive("LogicalProcessors", cpus) };
        if (Get("MemoryMiB") is { } memory)
            settings = settings with { MemoryBytes = (ulong)Positive("MemoryMiB", memory) << 20 };
        if (Get("Seed") is { } seed)
            settings = settings with { Seed = Integer("Seed", seed) };
        if (Get("DelayMilliseconds") is { } delay)
            settings = settings with { Delay = TimeSpan.FromMilliseconds(NonNegative("DelayMilliseconds", delay)) };
        if (Get("FailOperations") is { } fail)
        {
            var names = fail.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var name in names)
            {
                if (name != "*" && !Enum.TryParse<SimulatedOperation>(name, ignoreCase: true, out _))
                    throw new FormatException($"CimCloud:Simulated:FailOperations: unknown operation '{name}' (known: {string.Join(", ", Enum.GetNames<SimulatedOperation>())}, *)");
            }

            settings = settings with { FailOperations = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase) };
        }

        if (Get("FailEvery") is { } every)
            settings = settings with { FailEvery = Positive("FailEvery", every) };
        return settings;
    }

    private static int Integer(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"CimCloud:Simulated:{key}: '{value}' is not an integer");

    private static int Positive(string key, string value) =>
        Integer(key, value) is var n and > 0 ? n : throw new FormatException($"CimCloud:Simulated:{key}: '{value}' must be greater than 0");

    private static int NonNegative(string key, string value) =>
        Integer(key, value) is var n and >= 0 ? n : throw new FormatException($"CimCloud:Simulated:{key}: '{value}' must not be negative");
}
