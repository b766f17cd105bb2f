using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// A WS-Addressing endpoint reference as a request carries it in <c>wsa:ReplyTo</c> or <c>wsa:FaultTo</c>:
/// the address and the reference parameters (or the older reference properties), which a reply copies as top-level headers.
/// </summary>
public sealed record EndpointAddress(string Address, IReadOnlyList<XElement> ReferenceParameters)
{
    public bool IsAnonymous => string.Equals(Address, WsManNamespaces.AnonymousAddress, StringComparison.Ordinal);
}
