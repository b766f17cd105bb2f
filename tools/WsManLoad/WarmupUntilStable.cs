using System.Diagnostics;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// Warm-up that lasts until the JIT has settled: slices of one second, at least <see cref="LoadSettings.Warmup"/>, then
/// until two slices in a row compiled at most <see cref="QuietJitMethods"/> methods each (<see cref="System.Runtime.JitInfo"/>,
/// tier-up re-compilations included), or until <see cref="LoadSettings.MaxWarmup"/> has passed. With dynamic PGO a hot
/// path goes tier 0 → instrumented tier 0 → tier 1, and tier-up waits while other methods are still being compiled: on
/// the 2-core development machine a cold enumeration kept compiling 250–800 methods a second for about 8 s and ran at
/// 18,000–25,000 instances/s for 3 s, looking steady, before climbing to ~110,000: a stable rate alone proves nothing.
/// </summary>
internal static class WarmupUntilStable
{
    /// <summary>A slice that compiled no more methods than this counts as quiet.</summary>
    public const long QuietJitMethods = 20;

    public static TimeSpan Slice { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs <paramref name="slice"/> (traffic for the given time, returning its rate) until settled; returns the warm-up
    /// time, the last rate, whether it settled (false: <see cref="LoadSettings.MaxWarmup"/> ran out), and each slice as
    /// "rate/methods compiled".
    /// </summary>
    public static async Task<(TimeSpan Elapsed, double Rate, bool Settled, string Trace)> RunAsync(LoadSettings settings, Func<TimeSpan, Task<double>> slice)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(slice);
        var watch = Stopwatch.StartNew();
        var quietSlices = 0;
        var trace = new List<string>();
        while (true)
        {
            var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
            var rate = await slice(Slice);
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - methods;
            trace.Add($"{Format.N0(rate)}/{compiled}");
            quietSlices = compiled <= QuietJitMethods ? quietSlices + 1 : 0;
            var settled = quietSlices >= 2;
            if ((watch.Elapsed >= settings.Warmup && settled) || watch.Elapsed >= settings.MaxWarmup)
                return (watch.Elapsed, rate, settled, string.Join(" ", trace));
        }
    }
}
