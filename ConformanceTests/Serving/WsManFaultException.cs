using System.Xml.Linq;

namespace CimCloud.ConformanceTests.Serving;

/// <summary>The server answered with a SOAP fault: its subcode (local name, e.g. <c>TimedOut</c>), reason text and the whole body.</summary>
public sealed class WsManFaultException(string subcode, string reason, XDocument reply)
    : Exception($"WS-Man fault {subcode}: {reason}")
{
    public string Subcode { get; } = subcode;

    public string Reason { get; } = reason;

    public XDocument Reply { get; } = reply;
}
