using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;

namespace CimCloud.ConformanceTests.WsMan;

/// <summary>
/// Hand-written envelopes over HttpClient, for the few steps the clients cannot do themselves (wsl has no Create or
/// Delete) and for checks of the <c>serve</c> command's HTTP behaviour.
/// </summary>
internal static class RawWsMan
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public sealed record Reply(HttpStatusCode Status, string Body, HttpResponseHeaders Headers);

    public static async Task<Reply> PostAsync(Uri endpoint, string envelope, bool authenticate = true, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(envelope, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/soap+xml;charset=UTF-8");
        if (authenticate)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{WsManServerProcess.User}:{WsManServerProcess.Password}")));
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);

        using var response = await Http.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers);
    }

    public static string Envelope(Uri endpoint, string action, string className, IEnumerable<(string Name, string Value)>? selectors = null, string body = "") =>
        $"""
        <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd">
          <s:Header>
            <a:To>{endpoint}</a:To>
            <a:Action s:mustUnderstand="true">{action}</a:Action>
            <a:MessageID>uuid:{Guid.NewGuid()}</a:MessageID>
            <a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>
            <w:ResourceURI s:mustUnderstand="true">{SoapXml.ClassUriPrefix}{className}</w:ResourceURI>
            <w:SelectorSet>{string.Concat((selectors ?? []).Select(s => $"<w:Selector Name=\"{s.Name}\">{SecurityElement.Escape(s.Value)}</w:Selector>"))}</w:SelectorSet>
            <w:OperationTimeout>PT30S</w:OperationTimeout>
          </s:Header>
          <s:Body>{body}</s:Body>
        </s:Envelope>
        """;

    /// <summary>Creates a CCT_Base instance (the test's own, with a unique InstanceID); throws unless the server created it.</summary>
    public static async Task CreateBaseAsync(Uri endpoint, string instanceId, string elementName)
    {
        var body = $"""<p:CCT_Base xmlns:p="{SoapXml.ClassUriPrefix}CCT_Base"><p:InstanceID>{SecurityElement.Escape(instanceId)}</p:InstanceID><p:ElementName>{SecurityElement.Escape(elementName)}</p:ElementName></p:CCT_Base>""";
        var reply = await PostAsync(endpoint, Envelope(endpoint, "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create", "CCT_Base", body: body));
        if (reply.Status != HttpStatusCode.OK)
            throw new InvalidOperationException($"test setup: Create CCT_Base {instanceId} answered HTTP {(int)reply.Status}:\n{reply.Body}");
    }

    /// <summary>Deletes a CCT_Base instance the test created; best effort (cleanup).</summary>
    public static async Task DeleteBaseAsync(Uri endpoint, string instanceId)
    {
        try
        {
            await PostAsync(endpoint, Envelope(endpoint, "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete", "CCT_Base", [("InstanceID", instanceId)]));
        }
        catch (HttpRequestException)
        {
        }
    }
}
