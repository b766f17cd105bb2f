using System.Xml.Linq;
using CimCloud.WsManEndpoint.Cim;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// A request whose headers passed the DSP0226 checks (see <see cref="RequestValidator"/>): addressing, the
/// WS-Management headers with typed values, and the first body element. The SelectorSet stays an element;
/// the CIM binding turns it into an object path once the class is known.
/// </summary>
public sealed record WsManRequest
{
    public required string Action { get; init; }

    public string? To { get; init; }

    /// <summary>The request's wsa:MessageID as sent (with or without the <c>uuid:</c> prefix); null for Identify.</summary>
    public string? MessageId { get; init; }

    public EndpointAddress? ReplyTo { get; init; }

    public EndpointAddress? FaultTo { get; init; }

    public string? ResourceUri { get; init; }

    public XElement? SelectorSet { get; init; }

    /// <summary>The selectors of <see cref="SelectorSet"/> (names unique, case-insensitively).</summary>
    public IReadOnlyList<Selector> Selectors { get; init; } = [];

    public IReadOnlyList<WsManOption> Options { get; init; } = [];

    /// <summary>wsman:OperationTimeout, or the server default when absent.</summary>
    public TimeSpan OperationTimeout { get; init; }

    /// <summary>wsman:MaxEnvelopeSize as sent (already checked to be at least 8192); null when absent.</summary>
    public int? MaxEnvelopeSize { get; init; }

    public string? Locale { get; init; }

    /// <summary>The wsman:FragmentTransfer expression; null when the header is absent.</summary>
    public string? FragmentTransfer { get; init; }

    public string? FragmentDialect { get; init; }

    public bool RequestEpr { get; init; }

    public bool RequestTotalItemsCountEstimate { get; init; }

    /// <summary>wsmb:PolymorphismMode when sent as a header.</summary>
    public string? PolymorphismMode { get; init; }

    /// <summary>First element child of s:Body, or null.</summary>
    public XElement? Body { get; init; }

    /// <summary>Every header block with its mustUnderstand flag.</summary>
    public IReadOnlyList<SoapHeader> Headers { get; init; } = [];

    /// <summary>The body is <c>wsmid:Identify</c>: no addressing headers were required or checked.</summary>
    public bool IsIdentify { get; init; }

    public WsManOption? FindOption(string name) =>
        Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
}
