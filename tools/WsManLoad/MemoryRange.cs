namespace CimCloud.Tools.WsManLoad;

/// <summary>Minimum and maximum of a sampled byte count.</summary>
internal readonly record struct MemoryRange(long Min, long Max)
{
    public static MemoryRange Empty { get; } = new(long.MaxValue, long.MinValue);

    public MemoryRange With(long value) => new(Math.Min(Min, value), Math.Max(Max, value));

    public override string ToString() => $"{Format.Mib(Min)}–{Format.Mib(Max)} MiB";
}
