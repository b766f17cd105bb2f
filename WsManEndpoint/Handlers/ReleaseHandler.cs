using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Handlers;

/// <summary>WS-Enumeration Release: drops the context (later use → InvalidEnumerationContext); empty ReleaseResponse.</summary>
internal sealed class ReleaseHandler : IWsManHandler
{
    private static readonly System.Xml.Linq.XNamespace Wsen = WsManNamespaces.Enumeration;

    public ValueTask<WsManResponse> HandleAsync(WsManOperationContext context)
    {
        var body = context.Request.Body;
        if (body is null || body.Name != Wsen + "Release")
            throw WsManFaults.SchemaValidationError("a Release request needs a wsen:Release body");
        var id = body.Element(Wsen + "EnumerationContext")?.Value.Trim();
        if (string.IsNullOrEmpty(id))
            throw WsManFaults.InvalidEnumerationContext("the Release names no wsen:EnumerationContext");
        var store = context.Services.Contexts;
        var enumeration = store.Find(id, context.User);
        if (enumeration is null || !store.Remove(enumeration))
            throw WsManFaults.InvalidEnumerationContext();
        return ValueTask.FromResult(new WsManResponse(WsManActions.ReleaseResponse));
    }
}
