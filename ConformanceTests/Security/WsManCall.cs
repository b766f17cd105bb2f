using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Xml.Linq;
using CimCloud.ConformanceTests.WsMan;

namespace CimCloud.ConformanceTests.Security;

/// <summary>Hand-written WS-Man requests as a given user over a given HttpClient (http or https).</summary>
internal sealed class WsManCall(HttpClient http, Uri endpoint)
{
    public const string Transfer = "http://schemas.xmlsoap.org/ws/2004/09/transfer/";
    public const string Enumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/";

    public sealed record Reply(HttpStatusCode Status, string Body, HttpResponseHeaders Headers)
    {
        public XElement Envelope => SoapXml.Parse(Body);

        public string? Subcode => Status == HttpStatusCode.InternalServerError ? Envelope.FaultSubcodeName() : null;

        public override string ToString() => $"HTTP {(int)Status}\n{(Body.Length > 3000 ? Body[..3000] : Body)}";
    }

    public Uri Endpoint => endpoint;

    public async Task<Reply> PostAsync(string envelope, string? user, string? password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(envelope, new UTF8Encoding(false)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/soap+xml;charset=UTF-8");
        if (user is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await http.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers);
    }

    public static string Envelope(string action, string className, string selectors = "", string body = "", string? ns = null) =>
        $"""
        <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd" xmlns:n="http://schemas.xmlsoap.org/ws/2004/09/enumeration">
          <s:Header>
            <a:To>http://localhost/wsman</a:To>
            <a:Action s:mustUnderstand="true">{action}</a:Action>
            <a:MessageID>uuid:{Guid.NewGuid()}</a:MessageID>
            <a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>
            <w:ResourceURI s:mustUnderstand="true">{SoapXml.ClassUriPrefix}{className}</w:ResourceURI>
            <w:SelectorSet>{selectors}{(ns is null ? "" : $"<w:Selector Name=\"__cimnamespace\">{ns}</w:Selector>")}</w:SelectorSet>
            <w:OperationTimeout>PT30S</w:OperationTimeout>
          </s:Header>
          <s:Body>{body}</s:Body>
        </s:Envelope>
        """;

    public static string Key(string name, string value) => $"<w:Selector Name=\"{name}\">{SecurityElement.Escape(value)}</w:Selector>";

    public static string Get(string className, string instanceId) => Envelope(Transfer + "Get", className, Key("InstanceID", instanceId));

    public static string Delete(string className, string instanceId) => Envelope(Transfer + "Delete", className, Key("InstanceID", instanceId));

    public static string CreateBase(string instanceId) =>
        Envelope(Transfer + "Create", "CCT_Base", body:
            $"""<p:CCT_Base xmlns:p="{SoapXml.ClassUriPrefix}CCT_Base"><p:InstanceID>{SecurityElement.Escape(instanceId)}</p:InstanceID><p:ElementName>made by a test</p:ElementName></p:CCT_Base>""");

    public static string PutBase(string instanceId, string elementName) =>
        Envelope(Transfer + "Put", "CCT_Base", Key("InstanceID", instanceId),
            $"""<p:CCT_Base xmlns:p="{SoapXml.ClassUriPrefix}CCT_Base"><p:InstanceID>{SecurityElement.Escape(instanceId)}</p:InstanceID><p:ElementName>{SecurityElement.Escape(elementName)}</p:ElementName></p:CCT_Base>""");

    public static string Ping() =>
        Envelope($"{SoapXml.ClassUriPrefix}CCT_Host/Ping", "CCT_Host", body: $"""<p:Ping_INPUT xmlns:p="{SoapXml.ClassUriPrefix}CCT_Host"/>""");

    public static string Enumerate(string className) => Envelope(Enumeration + "Enumerate", className, body: "<n:Enumerate/>");

    public static string Pull(string className, string context) =>
        Envelope(Enumeration + "Pull", className, body: $"<n:Pull><n:EnumerationContext>{context}</n:EnumerationContext><n:MaxElements>1</n:MaxElements></n:Pull>");

    public static string Release(string className, string context) =>
        Envelope(Enumeration + "Release", className, body: $"<n:Release><n:EnumerationContext>{context}</n:EnumerationContext></n:Release>");

    public static string ContextOf(Reply reply) =>
        reply.Envelope.Body().Descendants(SoapXml.Wsen + "EnumerationContext").Single().Value.Trim();
}
