using System.Xml.Linq;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Faults;

/// <summary>Named constructors for the DSP0226 faults (subcode, SOAP code and detail as the spec's table gives them).</summary>
public static class WsManFaults
{
    private static readonly XNamespace Wsa = WsManNamespaces.Addressing;
    private static readonly XNamespace Wsman = WsManNamespaces.WsMan;
    private static readonly XNamespace Wsen = WsManNamespaces.Enumeration;
    private static readonly XNamespace Wxf = WsManNamespaces.Transfer;
    private static readonly XNamespace Wsmb = WsManNamespaces.CimBinding;

    public static WsManFault AccessDenied(string reason = "access denied") => Sender(Wsman + "AccessDenied", reason);

    public static WsManFault ActionNotSupported(string action, string? detail = null)
    {
        var fault = Sender(Wsa + "ActionNotSupported", $"the action is not supported by the service: {action}", detail);
        fault.ExtraDetail.Add(new XElement(Wsa + "Action", action));
        return fault;
    }

    /// <summary>wsa:ActionNotSupported for an operation the resource does not support (no action to echo).</summary>
    public static WsManFault OperationNotSupported(string reason) => Sender(Wsa + "ActionNotSupported", reason);

    public static WsManFault AlreadyExists(string reason) => Sender(Wsman + "AlreadyExists", reason);

    public static WsManFault CannotProcessFilter(string reason) => Sender(Wsen + "CannotProcessFilter", reason);

    public static WsManFault DestinationUnreachable(string reason, string? detail = null) => Sender(Wsa + "DestinationUnreachable", reason, detail);

    public static WsManFault InvalidResourceUri(string reason) => DestinationUnreachable(reason, "InvalidResourceURI");

    public static WsManFault EncodingLimit(string detail, string reason) => Sender(Wsman + "EncodingLimit", reason, detail);

    public static WsManFault EndpointUnavailable(string reason) => Receiver(Wsa + "EndpointUnavailable", reason);

    public static WsManFault FilterDialectRequestedUnavailable(string dialect, IEnumerable<string> supported)
    {
        var fault = Sender(Wsen + "FilterDialectRequestedUnavailable", $"filter dialect {dialect} is not supported");
        foreach (var s in supported)
            fault.ExtraDetail.Add(new XElement(Wsen + "SupportedDialect", s));
        return fault;
    }

    public static WsManFault FilteringNotSupported(string reason) => Sender(Wsen + "FilteringNotSupported", reason);

    public static WsManFault FragmentDialectNotSupported(string dialect) => Sender(Wsman + "FragmentDialectNotSupported", $"fragment dialect {dialect} is not supported");

    public static WsManFault InternalError(string reason, Exception? inner = null) =>
        new(WsManFaultCode.Receiver, Wsman + "InternalError", reason, null, null, inner);

    public static WsManFault InvalidEnumerationContext(string reason = "the enumeration context is not valid") => Receiver(Wsen + "InvalidEnumerationContext", reason);

    public static WsManFault InvalidExpirationTime(string reason) => Sender(Wsen + "InvalidExpirationTime", reason);

    public static WsManFault UnsupportedExpirationType(string reason) => Sender(Wsen + "UnsupportedExpirationType", reason);

    public static WsManFault InvalidMessageInformationHeader(string reason, string? detail = null) => Sender(Wsa + "InvalidMessageInformationHeader", reason, detail);

    public static WsManFault MessageInformationHeaderRequired(string header) => Sender(Wsa + "MessageInformationHeaderRequired", $"required header {header} is missing");

    public static WsManFault InvalidOptions(string detail, string reason) => Sender(Wsman + "InvalidOptions", reason, detail);

    public static WsManFault InvalidParameter(string reason, string? detail = null) => Sender(Wsman + "InvalidParameter", reason, detail);

    public static WsManFault InvalidRepresentation(string detail, string reason) => Sender(Wxf + "InvalidRepresentation", reason, detail);

    public static WsManFault InvalidSelectors(string detail, string reason) => Sender(Wsman + "InvalidSelectors", reason, detail);

    public static WsManFault QuotaLimit(string reason) => Sender(Wsman + "QuotaLimit", reason);

    public static WsManFault SchemaValidationError(string reason) => Sender(Wsman + "SchemaValidationError", reason);

    public static WsManFault TimedOut(string reason = "the operation timed out") => Receiver(Wsman + "TimedOut", reason);

    public static WsManFault UnsupportedFeature(string detail, string reason) => Sender(Wsman + "UnsupportedFeature", reason, detail);

    public static WsManFault PolymorphismModeNotSupported(string mode) => Sender(Wsmb + "PolymorphismModeNotSupported", $"polymorphism mode {mode} is not supported");

    /// <summary>s:MustUnderstand with the s:NotUnderstood header naming the block.</summary>
    public static WsManFault MustUnderstand(XName header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var fault = new WsManFault(WsManFaultCode.MustUnderstand, null, $"header {header.LocalName} ({header.NamespaceName}) was not understood");
        // A header in no namespace has an unprefixed QName (a prefix cannot be bound to the empty namespace).
        fault.ExtraHeaders.Add(header.NamespaceName.Length == 0
            ? new XElement(WsManNamespaces.Soap + "NotUnderstood", new XAttribute("qname", header.LocalName))
            : new XElement(WsManNamespaces.Soap + "NotUnderstood",
                new XAttribute(XNamespace.Xmlns + "nu", header.NamespaceName),
                new XAttribute("qname", "nu:" + header.LocalName)));
        return fault;
    }

    /// <summary>s:VersionMismatch with s:Upgrade naming SOAP 1.2.</summary>
    public static WsManFault VersionMismatch()
    {
        var fault = new WsManFault(WsManFaultCode.VersionMismatch, null, "only SOAP 1.2 envelopes are supported");
        fault.ExtraHeaders.Add(new XElement(WsManNamespaces.Soap + "Upgrade",
            new XElement(WsManNamespaces.Soap + "SupportedEnvelope",
                new XAttribute(XNamespace.Xmlns + "ns", WsManNamespaces.Soap.NamespaceName),
                new XAttribute("qname", "ns:Envelope"))));
        return fault;
    }

    private static WsManFault Sender(XName subcode, string reason, string? detail = null) => new(WsManFaultCode.Sender, subcode, reason, detail);

    private static WsManFault Receiver(XName subcode, string reason, string? detail = null) => new(WsManFaultCode.Receiver, subcode, reason, detail);
}
