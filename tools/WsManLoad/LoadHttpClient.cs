using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// The load's HTTP client: one <see cref="HttpClient"/> over a <see cref="SocketsHttpHandler"/> with
/// <c>MaxConnectionsPerServer</c> = the connection count, HTTP/1.1 keep-alive, and a preemptive Basic
/// <c>Authorization</c> header on every request (as winrm and openwsman send it).
/// </summary>
internal sealed class LoadHttpClient : IDisposable
{
    private readonly HttpClient _http;

    public LoadHttpClient(int connections, string user, string password)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary>
    /// POSTs <paramref name="length"/> bytes of <paramref name="body"/> and reads the whole response into
    /// <paramref name="response"/> (grown when needed). Returns the HTTP status and the response length.
    /// </summary>
    public async Task<(HttpStatusCode Status, int Length)> PostAsync(Uri uri, byte[] body, int length, ResponseBuffer response,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        var content = new ByteArrayContent(body, 0, length);
        content.Headers.TryAddWithoutValidation("Content-Type", WsManEnvelopes.ContentType);
        request.Content = content;
        using var reply = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var stream = await reply.Content.ReadAsStreamAsync(cancellationToken);
        var read = await response.FillAsync(stream, cancellationToken);
        return (reply.StatusCode, read);
    }

    public void Dispose() => _http.Dispose();
}
