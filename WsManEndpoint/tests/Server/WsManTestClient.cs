using System.Net.Http.Headers;
using System.Text;
using FluentAssertions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>Posts raw envelopes with preemptive Basic credentials (or none), the way WS-Man clients do.</summary>
internal sealed class WsManTestClient : IDisposable
{
    public const string SoapUtf8 = "application/soap+xml;charset=UTF-8";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(100) };

    public WsManTestClient(Uri endpoint)
    {
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public Task<WsManReply> PostAsync(string envelope, string? user = ServerFixture.User, string? password = ServerFixture.Password,
        string contentType = SoapUtf8, Encoding? encoding = null, IDictionary<string, string>? headers = null)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(envelope);
        return PostBytesAsync(bytes, user, password, contentType, headers);
    }

    public async Task<WsManReply> PostBytesAsync(byte[] bytes, string? user = ServerFixture.User, string? password = ServerFixture.Password,
        string contentType = SoapUtf8, IDictionary<string, string>? headers = null, Uri? endpoint = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint ?? Endpoint);
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Content = content;
        if (user is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var contentTypeHeader = response.Content.Headers.ContentType?.ToString();
        return new WsManReply(response.StatusCode, response.Headers, contentTypeHeader, body, Decode(body));
    }

    /// <summary>Sends and expects success.</summary>
    public async Task<WsManReply> OkAsync(string envelope, string? user = ServerFixture.User, string? password = ServerFixture.Password)
    {
        var reply = await PostAsync(envelope, user, password);
        return reply.ShouldSucceed();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => await _http.SendAsync(request);

    /// <summary>Enumerates (not optimized) and pulls until EndOfSequence; returns every item.</summary>
    public async Task<List<System.Xml.Linq.XElement>> EnumerateAllAsync(string resourceUri, string enumerateInner = "", int pullMax = 50, string headers = "")
    {
        var started = await OkAsync(Soap.Envelope(Soap.Enumerate, resourceUri, Soap.EnumerateBody(enumerateInner), headers: headers));
        var context = started.EnumerationContext;
        var items = new List<System.Xml.Linq.XElement>(started.Items);
        if (started.EndOfSequence)
            return items;
        for (var i = 0; i < 1000; i++)
        {
            var pulled = await OkAsync(Soap.Envelope(Soap.Pull, resourceUri, Soap.PullBody(context!, pullMax)));
            items.AddRange(pulled.Items);
            if (pulled.EndOfSequence)
            {
                pulled.EnumerationContext.Should().BeNull("the last PullResponse carries no context");
                return items;
            }

            context = pulled.EnumerationContext;
        }

        throw new InvalidOperationException("the enumeration did not end");
    }

    private static string Decode(byte[] body)
    {
        if (body.Length >= 2 && body[0] == 0xFF && body[1] == 0xFE)
            return Encoding.Unicode.GetString(body, 2, body.Length - 2);
        return Encoding.UTF8.GetString(body);
    }

    public void Dispose() => _http.Dispose();
}
