using System.Diagnostics;

namespace CimCloud.Tools.WsManLoad;

/// <summary>Process-wide counters read at the start and end of a phase: time, CPU (ours and the machine's), allocated bytes, collections.</summary>
internal readonly record struct ProcessCounters(long Timestamp, TimeSpan Cpu, MachineCpu Machine, long Allocated, int Gen0, int Gen1, int Gen2)
{
    public static ProcessCounters Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessCounters(Stopwatch.GetTimestamp(), process.TotalProcessorTime, MachineCpu.Now(), GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    /// <summary>The difference <paramref name="end"/> − <paramref name="start"/>.</summary>
    public static PhaseCounters Between(ProcessCounters start, ProcessCounters end)
    {
        var elapsed = Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp);
        return new PhaseCounters(elapsed, end.Cpu - start.Cpu, end.Machine.Busy - start.Machine.Busy, end.Machine.Total - start.Machine.Total,
            end.Allocated - start.Allocated, end.Gen0 - start.Gen0, end.Gen1 - start.Gen1, end.Gen2 - start.Gen2);
    }
}
