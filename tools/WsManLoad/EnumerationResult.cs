namespace CimCloud.Tools.WsManLoad;

/// <summary>Outcome of one Enumerate+Pull phase at one MaxElements.</summary>
internal sealed record EnumerationResult(int MaxElements, int Streams, long Instances, long Requests, long Errors, string? FirstError,
    long ResponseBytes, int CompletedPasses, int LargestBatch, long LiveHeapBefore, PhaseCounters Counters, MemorySnapshot Memory)
{
    public double InstancesPerSecond => Counters.Elapsed.TotalSeconds <= 0 ? 0 : Instances / Counters.Elapsed.TotalSeconds;

    public double ItemsPerResponse => Requests == 0 ? 0 : (double)Instances / Requests;

    public double WireBytesPerInstance => Instances == 0 ? 0 : (double)ResponseBytes / Instances;

    public double AllocatedPerInstance => Instances == 0 ? 0 : (double)Counters.Allocated / Instances;
}
