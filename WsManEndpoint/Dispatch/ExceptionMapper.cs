using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Dispatch;

/// <summary>Every failure of a handler as a fault: WsManFault as is, CimException through <see cref="CimFaultMapper"/>, timeouts as <c>wsman:TimedOut</c>, anything else <c>wsman:InternalError</c>.</summary>
internal static class ExceptionMapper
{
    /// <param name="exception">What the handler threw.</param>
    /// <param name="timedOut">The OperationTimeout token has fired (cancellation then means the deadline, not the client).</param>
    /// <param name="unexpected">Set when the failure is a bug or a provider crash (to be logged).</param>
    public static WsManFault ToFault(Exception exception, bool timedOut, out bool unexpected)
    {
        unexpected = false;
        switch (exception)
        {
            case WsManFault fault:
                return fault;
            case CimException cim:
                var mapped = CimFaultMapper.ToFault(cim);
                unexpected = mapped.Subcode == Soap.WsManNamespaces.WsMan + "InternalError";
                return mapped;
            case TimeoutException:
                return WsManFaults.TimedOut("the operation did not complete within wsman:OperationTimeout");
            case OperationCanceledException when timedOut:
                return WsManFaults.TimedOut("the operation did not complete within wsman:OperationTimeout");
            default:
                unexpected = true;
                return WsManFaults.InternalError($"internal error: {exception.GetType().Name}: {exception.Message}", exception);
        }
    }
}
