using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Dispatch;

/// <summary>Serves one kind of request (one action, or the custom actions of CIM methods).</summary>
internal interface IWsManHandler
{
    ValueTask<WsManResponse> HandleAsync(WsManOperationContext context);
}
