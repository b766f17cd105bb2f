using System.Numerics;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// Log-linear latency histogram in microseconds (exact below 128 µs, then 64 sub-buckets per power of two: ~1.5 %
/// resolution). One per worker, merged at the end; recording allocates nothing.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int Linear = 128;
    private const int SubBuckets = 64;
    private readonly long[] _counts = new long[Linear + (SubBuckets * 40)];

    public long Count { get; private set; }

    public void Record(long microseconds)
    {
        _counts[Index(Math.Max(0, microseconds))]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
            _counts[i] += other._counts[i];
        Count += other.Count;
    }

    /// <summary>The latency at quantile <paramref name="q"/> (0..1) in microseconds; 0 when empty.</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
            return 0;
        var rank = (long)Math.Ceiling(q * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank && _counts[i] > 0)
                return Value(i);
        }

        return Value(_counts.Length - 1);
    }

    private static int Index(long us)
    {
        if (us < Linear)
            return (int)us;
        var e = 63 - BitOperations.LeadingZeroCount((ulong)us) - 6;
        var index = Linear + ((e - 1) * SubBuckets) + (int)((us >> e) - SubBuckets);
        return Math.Min(index, Linear + (SubBuckets * 40) - 1);
    }

    private static double Value(int index)
    {
        if (index < Linear)
            return index;
        var e = ((index - Linear) / SubBuckets) + 1;
        var m = ((index - Linear) % SubBuckets) + SubBuckets;
        return (m << e) + ((1L << e) / 2.0);
    }
}
