namespace CimCloud.Tools.WsManLoad;

/// <summary>What a <see cref="MemorySampler"/> saw: managed heap, heap after GC and working set ranges.</summary>
internal sealed record MemorySnapshot(MemoryRange Heap, MemoryRange HeapAfterGc, MemoryRange WorkingSet, int Samples)
{
    /// <summary>The ranges covering every part (several rounds of one phase).</summary>
    public static MemorySnapshot Merge(IEnumerable<MemorySnapshot> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        return new MemorySnapshot(
            list.Aggregate(MemoryRange.Empty, (r, p) => r.With(p.Heap.Min).With(p.Heap.Max)),
            list.Aggregate(MemoryRange.Empty, (r, p) => r.With(p.HeapAfterGc.Min).With(p.HeapAfterGc.Max)),
            list.Aggregate(MemoryRange.Empty, (r, p) => r.With(p.WorkingSet.Min).With(p.WorkingSet.Max)),
            list.Sum(p => p.Samples));
    }
}
