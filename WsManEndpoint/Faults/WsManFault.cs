using System.Xml.Linq;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Faults;

/// <summary>
/// A WS-Management fault to send back: SOAP code, subcode QName (null for MustUnderstand and
/// VersionMismatch), optional FaultDetail name (…/faultDetail/Name), a reason, the fault Action and
/// any extra detail or header elements. Thrown by request handlers; turned into an envelope in one place.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "A SOAP fault is what the spec calls it; the type is thrown as an exception only to unwind a handler.")]
public sealed class WsManFault : Exception
{
    public WsManFault(WsManFaultCode code, XName? subcode, string reason, string? detail = null, string? action = null, Exception? innerException = null)
        : base(reason, innerException)
    {
        Code = code;
        Subcode = subcode;
        Detail = detail;
        Action = action ?? DefaultAction(subcode);
    }

    public WsManFault()
        : this(WsManFaultCode.Receiver, WsManNamespaces.WsMan + "InternalError", "internal error")
    {
    }

    public WsManFault(string message)
        : this(WsManFaultCode.Receiver, WsManNamespaces.WsMan + "InternalError", message)
    {
    }

    public WsManFault(string message, Exception innerException)
        : this(WsManFaultCode.Receiver, WsManNamespaces.WsMan + "InternalError", message, null, null, innerException)
    {
    }

    public WsManFaultCode Code { get; }

    public XName? Subcode { get; }

    /// <summary>FaultDetail name such as <c>InsufficientSelectors</c> (the URI prefix is added on the wire).</summary>
    public string? Detail { get; }

    public string Action { get; }

    /// <summary>Extra elements for s:Detail (e.g. wsen:SupportedDialect).</summary>
    public IList<XElement> ExtraDetail { get; } = [];

    /// <summary>Extra SOAP header blocks for the fault envelope (s:NotUnderstood, s:Upgrade).</summary>
    public IList<XElement> ExtraHeaders { get; } = [];

    public string? DetailUri => Detail is null ? null : WsManNamespaces.FaultDetailPrefix + Detail;

    private static string DefaultAction(XName? subcode)
    {
        if (subcode is null)
            return WsManActions.AddressingFault;
        var ns = subcode.Namespace;
        if (ns == WsManNamespaces.Addressing)
            return WsManActions.AddressingFault;
        if (ns == WsManNamespaces.Transfer)
            return WsManActions.TransferFault;
        if (ns == WsManNamespaces.Enumeration)
            return WsManActions.EnumerationFault;
        if (ns == WsManNamespaces.Eventing)
            return WsManActions.EventingFault;
        return WsManActions.WsManFault;
    }

    public override string ToString() => $"{Code}/{Subcode?.LocalName}{(Detail is null ? string.Empty : "/" + Detail)}: {Message}";
}
