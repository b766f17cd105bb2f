using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>One <c>wsman:Selector</c>: its name and either its trimmed text or a nested <c>wsa:EndpointReference</c>.</summary>
/// <param name="Name">The Name attribute as sent.</param>
/// <param name="Value">The trimmed text; null when the selector holds an endpoint reference.</param>
/// <param name="EndpointReference">The nested <c>wsa:EndpointReference</c> of a reference-typed key, else null.</param>
public sealed record Selector(string Name, string? Value, XElement? EndpointReference = null)
{
    public bool IsEndpointReference => EndpointReference is not null;
}
