using CimCloud.WsManEndpoint.Dispatch;

namespace CimCloud.WsManEndpoint.Handlers;

/// <summary>How long a batch may wait for items: MaxTime when given, never past the OperationTimeout (less a margin to answer in).</summary>
internal static class EnumerationTiming
{
    public static TimeSpan Wait(WsManOperationContext context, TimeSpan? maxTime)
    {
        var left = context.TimeLeft;
        var margin = TimeSpan.FromMilliseconds(Math.Min(1000, context.Request.OperationTimeout.TotalMilliseconds / 10));
        var budget = left - margin;
        if (maxTime is { } asked && asked < budget)
            budget = asked;
        return budget < TimeSpan.Zero ? TimeSpan.Zero : budget;
    }
}
