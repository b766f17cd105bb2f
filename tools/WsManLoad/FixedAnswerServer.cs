using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// The baseline: a minimal Kestrel app in the same process, built the way <c>WsManServer</c> builds its own (empty
/// builder, Kestrel core, HTTP/1.1+2, no Server header), on 127.0.0.1 with port 0. For each path it drains the request
/// body and answers 200 with precomputed bytes (captured from the real endpoint): no authentication, no SOAP work.
/// </summary>
internal sealed class FixedAnswerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FixedAnswerServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public Uri For(string path) => new(BaseUri, path);

    public static async Task<FixedAnswerServer> StartAsync(IReadOnlyDictionary<string, FixedAnswer> answers, CancellationToken cancellationToken)
    {
        var table = new Dictionary<string, FixedAnswer>(answers, StringComparer.Ordinal);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "CimCloud.Tools.WsManLoad.Fixed" });
        builder.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddLogging();
        builder.Services.RemoveAll<IHostLifetime>();
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1AndHttp2);
        });
        var app = builder.Build();
        app.Run(http => ServeAsync(http, table));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the fixed-answer server reports no address");
        return new FixedAnswerServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static async Task ServeAsync(HttpContext http, Dictionary<string, FixedAnswer> table)
    {
        var reader = http.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(http.RequestAborted);
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted || read.IsCanceled)
                break;
        }

        if (!table.TryGetValue(http.Request.Path.Value ?? string.Empty, out var answer))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = answer.ContentType;
        http.Response.ContentLength = answer.Body.Length;
        await http.Response.Body.WriteAsync(answer.Body, http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
