namespace CimCloud.Tools.WsManLoad;

/// <summary>Outcome of a closed-loop throughput phase (one round, or several rounds combined).</summary>
internal sealed record LoopResult(string Name, int Connections, long Requests, long Errors, string? FirstError, long ResponseBytes,
    LatencyHistogram Latency, PhaseCounters Counters, MemorySnapshot Memory, bool CapReached, int Rounds = 1)
{
    public double PerSecond => Counters.Elapsed.TotalSeconds <= 0 ? 0 : Requests / Counters.Elapsed.TotalSeconds;

    /// <summary>Bytes allocated by the whole process (client + server) per successful request during the phase.</summary>
    public double AllocatedPerRequest => Requests == 0 ? 0 : (double)Counters.Allocated / Requests;

    /// <summary>Rounds of one phase as one result: requests and time summed, latencies merged.</summary>
    public static LoopResult Combine(IReadOnlyList<LoopResult> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        if (rounds.Count == 0)
            throw new ArgumentException("no rounds", nameof(rounds));
        var latency = new LatencyHistogram();
        foreach (var r in rounds)
            latency.Add(r.Latency);
        return new LoopResult(rounds[0].Name, rounds[0].Connections, rounds.Sum(r => r.Requests), rounds.Sum(r => r.Errors),
            rounds.Select(r => r.FirstError).FirstOrDefault(e => e is not null), rounds.Sum(r => r.ResponseBytes), latency,
            PhaseCounters.Sum(rounds.Select(r => r.Counters)), MemorySnapshot.Merge(rounds.Select(r => r.Memory)),
            rounds.Any(r => r.CapReached), rounds.Count);
    }
}
