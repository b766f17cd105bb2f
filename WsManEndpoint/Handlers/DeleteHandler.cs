using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Handlers;

/// <summary>WS-Transfer Delete (spec digest §7.3): empty body in and out; a missing instance is <c>wsa:DestinationUnreachable</c>.</summary>
internal sealed class DeleteHandler : IWsManHandler
{
    public async ValueTask<WsManResponse> HandleAsync(WsManOperationContext context)
    {
        var resource = ResolvedResource.Resolve(context);
        var cimClass = resource.RequireClass(context.Request.Action);
        var path = resource.BindInstancePath(cimClass);
        await context.Services.Operations.DeleteInstanceAsync(context.Cim, path, context.Cancellation);
        return new WsManResponse(WsManActions.DeleteResponse);
    }
}
