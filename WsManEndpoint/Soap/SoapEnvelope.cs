using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// A request envelope as read, before any rule is applied: the root name, every header block with its
/// mustUnderstand flag, the raw text of the headers WS-Management defines, and the first body element.
/// <see cref="RequestValidator"/> turns it into a typed <see cref="WsManRequest"/> in the spec's order.
/// </summary>
public sealed class SoapEnvelope
{
    public XName RootName { get; set; } = WsManNamespaces.Soap + "Envelope";

    public bool IsSoap12 => RootName == WsManNamespaces.Soap + "Envelope";

    public List<SoapHeader> Headers { get; } = [];

    /// <summary>Addressing headers that appeared more than once (To, Action, MessageID).</summary>
    public List<XName> RepeatedHeaders { get; } = [];

    public string? To { get; set; }

    public string? Action { get; set; }

    public string? MessageId { get; set; }

    public EndpointAddress? ReplyTo { get; set; }

    public EndpointAddress? FaultTo { get; set; }

    public string? ResourceUri { get; set; }

    public XElement? SelectorSet { get; set; }

    /// <summary>The SelectorSet header read in place (null when there was none); see <see cref="SelectorSetInPlaceReader"/>.</summary>
    public IReadOnlyList<Cim.Selector>? Selectors { get; set; }

    /// <summary>The first structural error of the SelectorSet, raised by the validator at its step.</summary>
    public Faults.WsManFault? SelectorSetFault { get; set; }

    public XElement? OptionSet { get; set; }

    public bool OptionSetMustUnderstand { get; set; }

    public string? OperationTimeout { get; set; }

    public string? MaxEnvelopeSize { get; set; }

    /// <summary>The xml:lang of <c>wsman:Locale</c> (empty when the attribute is absent; null when there is no Locale header).</summary>
    public string? Locale { get; set; }

    public bool LocaleMustUnderstand { get; set; }

    public string? FragmentTransfer { get; set; }

    public string? FragmentDialect { get; set; }

    public bool RequestEpr { get; set; }

    public bool RequestTotalItemsCountEstimate { get; set; }

    public string? PolymorphismMode { get; set; }

    /// <summary>The first element child of <c>s:Body</c>; null for an empty or absent body.</summary>
    public XElement? Body { get; set; }

    public bool IsIdentify => Body is not null && Body.Name == WsManNamespaces.Identity + "Identify";
}
