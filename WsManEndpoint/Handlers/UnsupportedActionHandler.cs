using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Handlers;

/// <summary>Actions recognised but not offered (enumeration Renew and GetStatus, as WinRM and OMI): <c>wsa:ActionNotSupported</c>.</summary>
internal sealed class UnsupportedActionHandler : IWsManHandler
{
    public ValueTask<WsManResponse> HandleAsync(WsManOperationContext context) =>
        throw WsManFaults.ActionNotSupported(context.Request.Action);
}
