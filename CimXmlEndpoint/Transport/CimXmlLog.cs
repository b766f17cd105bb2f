using Microsoft.Extensions.Logging;

namespace CimCloud.CimXmlEndpoint.Transport;

internal static partial class CimXmlLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "CIM-XML {Method} failed")]
    public static partial void Failed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "CIM-XML {Method} failed while streaming; connection aborted: {Reason}")]
    public static partial void Aborted(ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "CIM-XML listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);
}
