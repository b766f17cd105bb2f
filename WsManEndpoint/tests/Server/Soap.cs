using System.Security;
using System.Text;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>Raw request envelopes, written the way winrm/openwsman clients write them.</summary>
internal static class Soap
{
    public const string S = "http://www.w3.org/2003/05/soap-envelope";
    public const string Wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public const string WsMan = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public const string Wsen = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public const string Wxf = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public const string Wsmb = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";
    public const string Wsmid = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    public const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    public const string ClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    public const string AllClasses = "http://schemas.dmtf.org/wbem/wscim/1/*";

    public const string Get = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
    public const string Put = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Put";
    public const string Create = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create";
    public const string Delete = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete";
    public const string Enumerate = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate";
    public const string Pull = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull";
    public const string Release = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release";
    public const string Renew = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Renew";

    public const string Wql = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
    public const string Cql = "http://schemas.dmtf.org/wbem/cql/1/dsp0202.pdf";
    public const string SelectorDialect = "http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter";
    public const string AssociationDialect = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter";

    public static string Uri(string className) => ClassPrefix + className;

    public static string NewId() => "uuid:" + Guid.NewGuid().ToString("D");

    /// <summary>An envelope. <paramref name="selectors"/> as (name, value) pairs; <paramref name="headers"/> raw header XML appended.</summary>
    public static string Envelope(string action, string? resourceUri, string body = "", IEnumerable<(string Name, string Value)>? selectors = null,
        string headers = "", string? messageId = null, string? maxEnvelopeSize = "153600", string? operationTimeout = "PT60S",
        string to = "http://windows-host:5985/wsman")
    {
        var sb = new StringBuilder();
        sb.Append($"""<s:Envelope xmlns:s="{S}" xmlns:wsa="{Wsa}" xmlns:wsman="{WsMan}" xmlns:wsen="{Wsen}" xmlns:wsmb="{Wsmb}"><s:Header>""");
        sb.Append($"<wsa:To>{to}</wsa:To>");
        sb.Append($"""<wsa:ReplyTo><wsa:Address s:mustUnderstand="true">{Anonymous}</wsa:Address></wsa:ReplyTo>""");
        sb.Append($"""<wsa:Action s:mustUnderstand="true">{action}</wsa:Action>""");
        sb.Append($"<wsa:MessageID>{messageId ?? NewId()}</wsa:MessageID>");
        if (resourceUri is not null)
            sb.Append($"""<wsman:ResourceURI s:mustUnderstand="true">{resourceUri}</wsman:ResourceURI>""");
        if (selectors is not null)
        {
            sb.Append("<wsman:SelectorSet>");
            foreach (var (name, value) in selectors)
                sb.Append($"""<wsman:Selector Name="{name}">{SecurityElement.Escape(value)}</wsman:Selector>""");
            sb.Append("</wsman:SelectorSet>");
        }

        if (maxEnvelopeSize is not null)
            sb.Append($"""<wsman:MaxEnvelopeSize s:mustUnderstand="true">{maxEnvelopeSize}</wsman:MaxEnvelopeSize>""");
        if (operationTimeout is not null)
            sb.Append($"<wsman:OperationTimeout>{operationTimeout}</wsman:OperationTimeout>");
        sb.Append(headers);
        sb.Append("</s:Header><s:Body>").Append(body).Append("</s:Body></s:Envelope>");
        return sb.ToString();
    }

    public static (string, string)[] Id(string instanceId) => [("InstanceID", instanceId)];

    public static string EnumerateBody(string inner = "") => $"<wsen:Enumerate>{inner}</wsen:Enumerate>";

    public static string PullBody(string context, int? maxElements = null, string extra = "") =>
        $"<wsen:Pull><wsen:EnumerationContext>{context}</wsen:EnumerationContext>{(maxElements is { } n ? $"<wsen:MaxElements>{n}</wsen:MaxElements>" : string.Empty)}{extra}</wsen:Pull>";

    public static string ReleaseBody(string context) => $"<wsen:Release><wsen:EnumerationContext>{context}</wsen:EnumerationContext></wsen:Release>";

    public const string IdentifyEnvelope = $"""<s:Envelope xmlns:s="{S}" xmlns:wsmid="{Wsmid}"><s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>""";
}
