using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Dispatch;

/// <summary>
/// The one table from wsa:Action to handler. An action not in the table goes to the custom-action handler
/// (<c>&lt;class resource URI&gt;/&lt;Method&gt;</c> → Invoke), which answers <c>wsa:ActionNotSupported</c> for anything
/// that is not a CIM method of the resource.
/// </summary>
internal sealed class WsManDispatcher
{
    private readonly Dictionary<string, IWsManHandler> _handlers = new(StringComparer.Ordinal);
    private readonly IWsManHandler _customActions;

    public WsManDispatcher(IWsManHandler customActions)
    {
        _customActions = customActions;
    }

    public WsManDispatcher Add(string action, IWsManHandler handler)
    {
        _handlers.Add(action, handler);
        return this;
    }

    public ValueTask<WsManResponse> DispatchAsync(WsManOperationContext context) =>
        (_handlers.GetValueOrDefault(context.Request.Action) ?? _customActions).HandleAsync(context);
}
