using System.Diagnostics.Tracing;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// Which types the process allocates: the runtime's <c>GCAllocationTick</c> events (one per ~100 KB allocated, naming
/// the type whose allocation crossed the mark) collected by an in-process <see cref="EventListener"/>. Statistical,
/// process-wide (client and server alike); events arrive late, so each is attributed by its time stamp to a window.
/// </summary>
internal sealed class AllocationTypeSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;
    private readonly object _gate = new();
    private List<(DateTime At, string Type, long Bytes)>? _ticks = [];

    /// <summary>Estimated bytes per type allocated between <paramref name="from"/> and <paramref name="to"/> (UTC).</summary>
    public Dictionary<string, long> Window(DateTime from, DateTime to)
    {
        lock (_gate)
        {
            return (_ticks ?? []).Where(t => t.At >= from && t.At <= to)
                .GroupBy(t => t.Type, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(t => t.Bytes), StringComparer.Ordinal);
        }
    }

    /// <summary>Events come through a dispatch thread with some delay; wait this long after a window before reading it.</summary>
    public static TimeSpan Latency { get; } = TimeSpan.FromSeconds(2);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // Runs from the base constructor too, before this class's fields are set: touch none here.
        if (eventSource.Name == RuntimeSource)
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is not { } names)
            return;
        var typeIndex = names.IndexOf("TypeName");
        var amountIndex = names.IndexOf("AllocationAmount64");
        if (amountIndex < 0)
            amountIndex = names.IndexOf("AllocationAmount");
        if (typeIndex < 0 || amountIndex < 0 || eventData.Payload is not { } payload)
            return;
        var type = payload[typeIndex] as string ?? "?";
        var bytes = Convert.ToInt64(payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
        var gate = _gate;
        if (gate is null)
            return; // still inside the base constructor
        lock (gate)
        {
            _ticks ??= [];
            _ticks.Add((eventData.TimeStamp.ToUniversalTime(), type, bytes));
        }
    }
}
