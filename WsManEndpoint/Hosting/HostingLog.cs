using Microsoft.Extensions.Logging;

namespace CimCloud.WsManEndpoint.Hosting;

/// <summary>Hosting log messages (source-generated).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "WS-Management endpoint listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "no users are configured: every request except unauthenticated Identify gets HTTP 401")]
    public static partial void NoUsers(ILogger logger);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{Url} is not a loopback address and AllowUnencrypted is set: Basic credentials may cross the network in clear text")]
    public static partial void Unencrypted(ILogger logger, string url);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "swept {Count} expired enumeration contexts")]
    public static partial void Swept(ILogger logger, int count);
}
