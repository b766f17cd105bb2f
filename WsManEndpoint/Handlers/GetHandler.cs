using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Handlers;

/// <summary>
/// WS-Transfer Get (spec digest §7.1): the instance the selectors name, in its own (most derived) class even when
/// the resource URI names a base class; with <c>wsman:FragmentTransfer</c> just the selected property (§7.4).
/// </summary>
internal sealed class GetHandler : IWsManHandler
{
    public async ValueTask<WsManResponse> HandleAsync(WsManOperationContext context)
    {
        var request = context.Request;
        var resource = ResolvedResource.Resolve(context);
        var cimClass = resource.RequireClass(request.Action);
        var fragment = request.FragmentTransfer is null ? null : ResponseParts.Fragment(request);
        var path = resource.BindInstancePath(cimClass);
        var instance = await context.Services.Operations.GetInstanceAsync(context.Cim, path, null, context.Cancellation);
        var options = context.WriteOptions with { ResourceClassName = cimClass.Name };

        WsManResponse response;
        if (fragment is not null)
        {
            fragment.Resolve(instance.Class);
            response = new WsManResponse(WsManActions.GetResponse, w => FragmentXmlWriter.Write(w, instance, fragment, options));
        }
        else
        {
            response = new WsManResponse(WsManActions.GetResponse, w =>
            {
                InstanceXmlWriter.DeclareClassNamespace(w, instance, options);
                InstanceXmlWriter.WriteInstance(w, instance, options);
            });
        }

        if (request.RequestEpr)
            response.Headers.Add(ResponseParts.RequestedEpr(instance.Path, options));
        return response;
    }
}
