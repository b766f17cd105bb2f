namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>Counts and latencies of one operation kind (one per worker, merged at the end).</summary>
internal sealed class MixedStats
{
    public LatencyHistogram Latency { get; } = new();

    public long Operations { get; private set; }

    public long Requests { get; private set; }

    public long Ok { get; private set; }

    public long Expected { get; private set; }

    public long Unexpected { get; private set; }

    /// <summary>Error descriptions and how often each occurred.</summary>
    public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public void Record(MixedOutcome outcome, long microseconds)
    {
        Latency.Record(microseconds);
        Operations++;
        Requests += outcome.Requests;
        switch (outcome.Kind)
        {
            case MixedOutcomeKind.Ok:
                Ok++;
                break;
            case MixedOutcomeKind.Expected:
                Expected++;
                break;
            default:
                Unexpected++;
                break;
        }

        if (outcome.Error is { } error)
            Errors[error] = Errors.GetValueOrDefault(error) + 1;
    }

    public void Add(MixedStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Latency.Add(other.Latency);
        Operations += other.Operations;
        Requests += other.Requests;
        Ok += other.Ok;
        Expected += other.Expected;
        Unexpected += other.Unexpected;
        foreach (var (error, count) in other.Errors)
            Errors[error] = Errors.GetValueOrDefault(error) + count;
    }
}
