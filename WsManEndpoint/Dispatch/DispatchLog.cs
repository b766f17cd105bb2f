using Microsoft.Extensions.Logging;

namespace CimCloud.WsManEndpoint.Dispatch;

/// <summary>The endpoint's log messages (source-generated).</summary>
internal static partial class DispatchLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "WS-Man request {Action} on {ResourceUri} failed unexpectedly")]
    public static partial void Unexpected(ILogger logger, Exception exception, string? action, string? resourceUri);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "WS-Man fault {Subcode}/{Detail} for {Action}: {Reason}")]
    public static partial void Fault(ILogger logger, string? subcode, string? detail, string? action, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "WS-Man request {Action} kept running past its OperationTimeout; answered wsman:TimedOut")]
    public static partial void Abandoned(ILogger logger, string action);
}
