using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Faults;

/// <summary>The one mapping from CIM status codes to WS-Management faults (DSP0227; spec digest §10.3).</summary>
public static class CimFaultMapper
{
    public static WsManFault ToFault(CimException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        return exception.StatusCode switch
        {
            CimStatusCode.AccessDenied => WsManFaults.AccessDenied(message),
            CimStatusCode.InvalidNamespace or CimStatusCode.InvalidClass => WsManFaults.InvalidResourceUri(message),
            CimStatusCode.InvalidParameter => WsManFaults.InvalidParameter(message),
            CimStatusCode.NotFound => WsManFaults.DestinationUnreachable(message),
            CimStatusCode.NotSupported or CimStatusCode.MethodNotAvailable or CimStatusCode.MethodNotFound
                => WsManFaults.OperationNotSupported(message),
            CimStatusCode.AlreadyExists => WsManFaults.AlreadyExists(message),
            CimStatusCode.NoSuchProperty or CimStatusCode.TypeMismatch => WsManFaults.InvalidRepresentation("InvalidValues", message),
            CimStatusCode.InvalidQuery => WsManFaults.CannotProcessFilter(message),
            CimStatusCode.QueryLanguageNotSupported => WsManFaults.FilterDialectRequestedUnavailable(message, []),
            CimStatusCode.ServerLimitsExceeded => WsManFaults.QuotaLimit(message),
            CimStatusCode.ServerIsShuttingDown => WsManFaults.EndpointUnavailable(message),
            CimStatusCode.InvalidEnumerationContext => WsManFaults.InvalidEnumerationContext(message),
            _ => WsManFaults.InternalError(message, exception),
        };
    }
}
