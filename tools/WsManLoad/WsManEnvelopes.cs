namespace CimCloud.Tools.WsManLoad;

/// <summary>The request envelopes of the load (spec digest §5, §7.1, §8), written the way winrm/openwsman clients write them.</summary>
internal static class WsManEnvelopes
{
    public const string ContentType = "application/soap+xml;charset=UTF-8";

    private const string S = "http://www.w3.org/2003/05/soap-envelope";
    private const string Wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private const string WsMan = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    private const string Wsen = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    private const string Wsmid = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    private const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    private const string ClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    private const string GetAction = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
    private const string EnumerateAction = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate";
    private const string PullAction = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull";
    private const string ReleaseAction = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release";

    public const string Identify = $"""<s:Envelope xmlns:s="{S}" xmlns:wsmid="{Wsmid}"><s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>""";

    /// <summary>Get of <paramref name="className"/> whose key <paramref name="keyProperty"/> is <paramref name="keyPrefix"/> + the key index.</summary>
    public static EnvelopeTemplate Get(Uri to, string className, string keyProperty, string keyPrefix) =>
        new(Envelope(to, GetAction, className, "153600",
            $"""<wsman:SelectorSet><wsman:Selector Name="{keyProperty}">{keyPrefix}{EnvelopeTemplate.Key}</wsman:Selector></wsman:SelectorSet>""",
            "<s:Body/>"));

    /// <summary>Optimized Enumerate of <paramref name="className"/> with wsman:MaxElements.</summary>
    public static EnvelopeTemplate Enumerate(Uri to, string className, int maxElements, int maxEnvelopeSize) =>
        new(Envelope(to, EnumerateAction, className, maxEnvelopeSize.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Empty,
            $"<s:Body><wsen:Enumerate><wsman:OptimizeEnumeration/><wsman:MaxElements>{maxElements}</wsman:MaxElements></wsen:Enumerate></s:Body>"));

    /// <summary>Pull of the context (the template's text hole) with wsen:MaxElements.</summary>
    public static EnvelopeTemplate Pull(Uri to, string className, int maxElements, int maxEnvelopeSize) =>
        new(Envelope(to, PullAction, className, maxEnvelopeSize.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Empty,
            $"<s:Body><wsen:Pull><wsen:EnumerationContext>{EnvelopeTemplate.Text}</wsen:EnumerationContext><wsen:MaxElements>{maxElements}</wsen:MaxElements></wsen:Pull></s:Body>"));

    /// <summary>Release of the context (the template's text hole).</summary>
    public static EnvelopeTemplate Release(Uri to, string className) =>
        new(Envelope(to, ReleaseAction, className, "153600", string.Empty,
            $"<s:Body><wsen:Release><wsen:EnumerationContext>{EnvelopeTemplate.Text}</wsen:EnumerationContext></wsen:Release></s:Body>"));

    private static string Envelope(Uri to, string action, string className, string maxEnvelopeSize, string extraHeaders, string body) =>
        $"""<s:Envelope xmlns:s="{S}" xmlns:wsa="{Wsa}" xmlns:wsman="{WsMan}" xmlns:wsen="{Wsen}"><s:Header>"""
        + $"<wsa:To>{to}</wsa:To>"
        + $"""<wsa:ReplyTo><wsa:Address s:mustUnderstand="true">{Anonymous}</wsa:Address></wsa:ReplyTo>"""
        + $"""<wsa:Action s:mustUnderstand="true">{action}</wsa:Action>"""
        + $"<wsa:MessageID>{EnvelopeTemplate.MessageId}</wsa:MessageID>"
        + $"""<wsman:ResourceURI s:mustUnderstand="true">{ClassPrefix}{className}</wsman:ResourceURI>"""
        + extraHeaders
        + $"""<wsman:MaxEnvelopeSize s:mustUnderstand="true">{maxEnvelopeSize}</wsman:MaxEnvelopeSize>"""
        + "<wsman:OperationTimeout>PT60S</wsman:OperationTimeout>"
        + "</s:Header>" + body + "</s:Envelope>";
}
