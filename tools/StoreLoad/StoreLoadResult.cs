using System.Globalization;

namespace CimCloud.Tools.StoreLoad;

/// <summary>The figures of one run: acknowledged writes, their rate, and latency percentiles.</summary>
internal sealed record StoreLoadResult(bool Durable, int Connections, long Writes, TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds)
{
    public double WritesPerSecond => Writes / Elapsed.TotalSeconds;

    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {(Durable ? "durable (--data)" : "in memory")} | {Connections} | {Writes} | {WritesPerSecond:0} | {P50Milliseconds:0.00} | {P99Milliseconds:0.00} |");
}
