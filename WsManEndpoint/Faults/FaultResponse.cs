using System.Xml;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Faults;

/// <summary>
/// Turns a <see cref="WsManFault"/> into the response the spec digest §11.1 describes: <c>s:Fault</c> with Code,
/// Subcode (its prefix declared where the QName text needs it), Reason with xml:lang, Detail with the
/// FaultDetail URI, any extra detail elements and the Microsoft <c>f:WSManFault</c> element; extra header
/// blocks (s:NotUnderstood, s:Upgrade) go into the header. Sent with HTTP 500.
/// </summary>
public static class FaultResponse
{
    private static readonly string Soap = WsManNamespaces.Soap.NamespaceName;

    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        [WsManNamespaces.Addressing.NamespaceName] = "wsa",
        [WsManNamespaces.WsMan.NamespaceName] = "wsman",
        [WsManNamespaces.Enumeration.NamespaceName] = "wsen",
        [WsManNamespaces.Transfer.NamespaceName] = "wxf",
        [WsManNamespaces.Eventing.NamespaceName] = "wse",
        [WsManNamespaces.CimBinding.NamespaceName] = "wsmb",
    };

    public static WsManResponse Create(WsManFault fault, string machine)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var response = new WsManResponse(fault.Action, w => WriteFault(w, fault, machine)) { IsFault = true };
        foreach (var header in fault.ExtraHeaders)
            response.Headers.Add(header.WriteTo);
        return response;
    }

    private static void WriteFault(XmlWriter w, WsManFault fault, string machine)
    {
        w.WriteStartElement("s", "Fault", Soap);
        w.WriteStartElement("s", "Code", Soap);
        w.WriteElementString("s", "Value", Soap, "s:" + CodeName(fault.Code));
        if (fault.Subcode is { } subcode)
        {
            w.WriteStartElement("s", "Subcode", Soap);
            w.WriteStartElement("s", "Value", Soap);
            var ns = subcode.NamespaceName;
            var prefix = w.LookupPrefix(ns);
            if (string.IsNullOrEmpty(prefix))
            {
                prefix = Prefixes.GetValueOrDefault(ns, "ns");
                w.WriteAttributeString("xmlns", prefix, null, ns);
            }

            w.WriteString(prefix + ":" + subcode.LocalName);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("s", "Reason", Soap);
        w.WriteStartElement("s", "Text", Soap);
        w.WriteAttributeString("xml", "lang", null, "en-US");
        w.WriteString(FaultText.Printable(fault.Message));
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("s", "Detail", Soap);
        if (fault.DetailUri is { } detail)
            w.WriteElementString("wsman", "FaultDetail", WsManNamespaces.WsMan.NamespaceName, detail);
        foreach (var extra in fault.ExtraDetail)
            extra.WriteTo(w);
        WriteMicrosoftFault(w, fault, machine);
        w.WriteEndElement();

        w.WriteEndElement();
    }

    private static void WriteMicrosoftFault(XmlWriter w, WsManFault fault, string machine)
    {
        var f = WsManNamespaces.MsFault.NamespaceName;
        w.WriteStartElement("f", "WSManFault", f);
        var code = fault.InnerException is CimException cim ? (int)cim.StatusCode : 1;
        w.WriteAttributeString("Code", code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteAttributeString("Machine", machine);
        w.WriteElementString("f", "Message", f, FaultText.Printable(fault.Message));
        w.WriteEndElement();
    }

    private static string CodeName(WsManFaultCode code) => code switch
    {
        WsManFaultCode.Sender => "Sender",
        WsManFaultCode.Receiver => "Receiver",
        WsManFaultCode.MustUnderstand => "MustUnderstand",
        WsManFaultCode.VersionMismatch => "VersionMismatch",
        _ => "Receiver",
    };
}
