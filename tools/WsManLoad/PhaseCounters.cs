namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// What a measured phase cost the whole process (client and servers together): time, CPU, allocation, GCs; and how
/// busy the whole machine was meanwhile (jiffies from /proc/stat), to tell how much CPU other processes took.
/// </summary>
internal sealed record PhaseCounters(TimeSpan Elapsed, TimeSpan Cpu, long MachineBusy, long MachineTotal, long Allocated, int Gen0, int Gen1, int Gen2)
{
    /// <summary>CPU this process used, as a fraction of all cores over the phase (1 = every core busy).</summary>
    public double CpuShare => Elapsed <= TimeSpan.Zero ? 0 : Cpu.TotalSeconds / Elapsed.TotalSeconds / Environment.ProcessorCount;

    /// <summary>CPU the whole machine used, as a fraction of all cores (NaN when /proc/stat is unavailable).</summary>
    public double MachineShare => MachineTotal <= 0 ? double.NaN : (double)MachineBusy / MachineTotal;

    /// <summary>CPU other processes used meanwhile, as a fraction of all cores.</summary>
    public double OthersShare => double.IsNaN(MachineShare) ? double.NaN : Math.Max(0, MachineShare - CpuShare);

    public string Collections => $"{Gen0}/{Gen1}/{Gen2}";

    public static PhaseCounters Sum(IEnumerable<PhaseCounters> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        return new PhaseCounters(
            TimeSpan.FromTicks(list.Sum(p => p.Elapsed.Ticks)), TimeSpan.FromTicks(list.Sum(p => p.Cpu.Ticks)),
            list.Sum(p => p.MachineBusy), list.Sum(p => p.MachineTotal), list.Sum(p => p.Allocated),
            list.Sum(p => p.Gen0), list.Sum(p => p.Gen1), list.Sum(p => p.Gen2));
    }
}
