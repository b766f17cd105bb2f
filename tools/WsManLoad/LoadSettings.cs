namespace CimCloud.Tools.WsManLoad;

/// <summary>What to run and the bounds every loop respects (time and request count).</summary>
internal sealed record LoadSettings
{
    /// <summary>Concurrent client connections (and client workers) of the throughput phases.</summary>
    public int Connections { get; init; } = 16;

    /// <summary>Length of each measured phase.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Minimum warm-up before each measured phase (not counted); it goes on while the JIT is still compiling, up to <see cref="MaxWarmup"/>.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest warm-up of one phase when the JIT has not settled (see <see cref="WarmupUntilStable"/>).</summary>
    public TimeSpan MaxWarmup => TimeSpan.FromSeconds(Math.Max(15, Warmup.TotalSeconds * 5));

    /// <summary>
    /// The throughput phases run interleaved: <see cref="Duration"/> is split into this many rounds and each round runs every
    /// phase once, so that a change in background load hits all phases alike.
    /// </summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Uncounted ramp at the start of each round of a throughput phase (connections busy again).</summary>
    public static TimeSpan Ramp { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Instances of each generated class (Load_Item, ~1 KB serialized; Load_Small, cct-like).</summary>
    public int Instances { get; init; } = 100_000;

    public LoadScenario Scenario { get; init; } = LoadScenario.All;

    /// <summary>Request cap of each measured phase (the phase ends at the cap or at <see cref="Duration"/>, whichever comes first).</summary>
    public long MaxRequests { get; init; } = 2_000_000;

    /// <summary>MaxElements of the optimized Enumerate and of every Pull; one enumeration phase per value.</summary>
    public IReadOnlyList<int> MaxElements { get; init; } = [100, 500];

    /// <summary>wsman:MaxEnvelopeSize of the enumeration requests, and the server cap set for this run.</summary>
    public int MaxEnvelopeSize { get; init; } = 512_000;

    /// <summary>Concurrent Enumerate+Pull sequences during the enumeration phases.</summary>
    public int EnumerationStreams { get; init; } = 1;

    /// <summary>Sequential requests per round of the allocation probe (three rounds, median reported).</summary>
    public int AllocationRequests { get; init; } = 2000;

    /// <summary>Time bound of the allocation probes together (they are bounded by count first).</summary>
    public TimeSpan AllocationTime => TimeSpan.FromSeconds(Math.Max(90, ((Duration * 2) + Warmup).TotalSeconds));

    /// <summary>Upper bound of the whole run; when it passes everything is cancelled and the run fails.</summary>
    public TimeSpan Budget
    {
        get
        {
            var throughput = 5 * (Duration + MaxWarmup + WarmupUntilStable.Slice + (Ramp * Rounds));
            var enumeration = MaxElements.Count * (Duration + MaxWarmup + WarmupUntilStable.Slice + TimeSpan.FromSeconds(Rounds));
            var allocation = AllocationTime + TimeSpan.FromSeconds(15);
            return throughput + enumeration + allocation + TimeSpan.FromSeconds(120 + (Instances / 2000.0));
        }
    }

    public bool Runs(LoadScenario scenario) => Scenario == LoadScenario.All || Scenario == scenario;
}
