using System.Globalization;
using System.Security;

namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>Request envelopes for arbitrary targets (ResourceURI, selectors), as <see cref="EnvelopeTemplate"/>s.</summary>
internal static class MixedEnvelopes
{
    private const string S = "http://www.w3.org/2003/05/soap-envelope";
    private const string Wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private const string WsMan = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    private const string Wsen = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    private const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    private const string Transfer = "http://schemas.xmlsoap.org/ws/2004/09/transfer/";
    private const string Enumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/";

    /// <summary>The value of the Put template's text hole (<see cref="EnvelopeTemplate.Text"/>) before it is made a template.</summary>
    public const string PutValueMarker = "@@cimcloud-load-put-value@@";

    public static EnvelopeTemplate Get(Uri to, MixedTarget target, int maxEnvelopeSize) =>
        new(Envelope(to, Transfer + "Get", target, maxEnvelopeSize, "<s:Body/>"));

    /// <summary>Put of <paramref name="instanceXml"/>, whose <see cref="PutValueMarker"/> becomes the template's text hole.</summary>
    public static EnvelopeTemplate Put(Uri to, MixedTarget target, int maxEnvelopeSize, string instanceXml) =>
        new(Envelope(to, Transfer + "Put", target, maxEnvelopeSize, "<s:Body>" + instanceXml.Replace(PutValueMarker, EnvelopeTemplate.Text, StringComparison.Ordinal) + "</s:Body>"));

    /// <summary>Invoke of <paramref name="method"/>; the input parameters (XML, prefix <c>p</c>) are the template's text hole.</summary>
    public static EnvelopeTemplate Invoke(Uri to, MixedTarget target, int maxEnvelopeSize, string method) =>
        new(Envelope(to, target.ResourceUri + "/" + method, target, maxEnvelopeSize,
            $"""<s:Body><p:{method}_INPUT xmlns:p="{Escape(target.ResourceUri)}">{EnvelopeTemplate.Text}</p:{method}_INPUT></s:Body>"""));

    public static EnvelopeTemplate Enumerate(Uri to, MixedTarget target, int maxEnvelopeSize, int maxElements) =>
        new(Envelope(to, Enumeration + "Enumerate", target, maxEnvelopeSize,
            $"<s:Body><wsen:Enumerate><wsman:OptimizeEnumeration/><wsman:MaxElements>{maxElements}</wsman:MaxElements></wsen:Enumerate></s:Body>"));

    public static EnvelopeTemplate Pull(Uri to, MixedTarget target, int maxEnvelopeSize, int maxElements) =>
        new(Envelope(to, Enumeration + "Pull", target, maxEnvelopeSize,
            $"<s:Body><wsen:Pull><wsen:EnumerationContext>{EnvelopeTemplate.Text}</wsen:EnumerationContext><wsen:MaxElements>{maxElements}</wsen:MaxElements></wsen:Pull></s:Body>"));

    /// <summary>XML-escapes text (the template holes, control characters, pass through).</summary>
    public static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static string Envelope(Uri to, string action, MixedTarget target, int maxEnvelopeSize, string body)
    {
        var selectors = target.Selectors.Count == 0
            ? string.Empty
            : "<wsman:SelectorSet>"
              + string.Concat(target.Selectors.Select(s => $"""<wsman:Selector Name="{Escape(s.Name)}">{Escape(s.Value)}</wsman:Selector>"""))
              + "</wsman:SelectorSet>";
        return $"""<s:Envelope xmlns:s="{S}" xmlns:wsa="{Wsa}" xmlns:wsman="{WsMan}" xmlns:wsen="{Wsen}"><s:Header>"""
            + $"<wsa:To>{Escape(to.ToString())}</wsa:To>"
            + $"""<wsa:ReplyTo><wsa:Address s:mustUnderstand="true">{Anonymous}</wsa:Address></wsa:ReplyTo>"""
            + $"""<wsa:Action s:mustUnderstand="true">{Escape(action)}</wsa:Action>"""
            + $"<wsa:MessageID>{EnvelopeTemplate.MessageId}</wsa:MessageID>"
            + $"""<wsman:ResourceURI s:mustUnderstand="true">{Escape(target.ResourceUri)}</wsman:ResourceURI>"""
            + selectors
            + $"""<wsman:MaxEnvelopeSize s:mustUnderstand="true">{maxEnvelopeSize.ToString(CultureInfo.InvariantCulture)}</wsman:MaxEnvelopeSize>"""
            + "<wsman:OperationTimeout>PT60S</wsman:OperationTimeout>"
            + "</s:Header>" + body + "</s:Envelope>";
    }
}
