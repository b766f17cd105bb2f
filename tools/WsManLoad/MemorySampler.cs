namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// Samples, on its own thread every <c>interval</c>, the managed heap (<see cref="GC.GetTotalMemory(bool)"/>
/// without collecting: live data plus garbage not yet collected), the GC heap size as of the last collection
/// (<see cref="GCMemoryInfo.HeapSizeBytes"/>: what the GC holds, fragmentation included) and the process working set;
/// keeps min and max of each.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly TimeSpan _interval;
    private readonly ManualResetEventSlim _stop = new();
    private readonly object _gate = new();
    private MemoryRange _heap = MemoryRange.Empty;
    private MemoryRange _heapAfterGc = MemoryRange.Empty;
    private MemoryRange _workingSet = MemoryRange.Empty;
    private int _samples;

    public MemorySampler(TimeSpan interval)
    {
        _interval = interval;
        Sample();
        _thread = new Thread(Loop) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    public MemorySnapshot Stop()
    {
        _stop.Set();
        _thread.Join();
        Sample();
        lock (_gate)
            return new MemorySnapshot(_heap, _heapAfterGc, _workingSet, _samples);
    }

    public void Dispose()
    {
        if (!_stop.IsSet)
        {
            _stop.Set();
            _thread.Join();
        }

        _stop.Dispose();
    }

    private void Loop()
    {
        while (!_stop.Wait(_interval))
            Sample();
    }

    private void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var afterGc = GC.GetGCMemoryInfo().HeapSizeBytes;
        var workingSet = Environment.WorkingSet;
        lock (_gate)
        {
            _heap = _heap.With(heap);
            _heapAfterGc = _heapAfterGc.With(afterGc);
            _workingSet = _workingSet.With(workingSet);
            _samples++;
        }
    }
}
