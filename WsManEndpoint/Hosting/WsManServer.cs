using System.Security.Cryptography.X509Certificates;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Security;
using CimCloud.WsManEndpoint.Enumeration;
using CimCloud.WsManEndpoint.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CimCloud.WsManEndpoint.Hosting;

/// <summary>
/// The WS-Management server: a Kestrel <see cref="WebApplication"/> (ASP.NET Core shared framework only) serving
/// <see cref="WsManServerOptions.Path"/> on every listen URL, over the caller's <see cref="ICimOperations"/>.
/// Writes nothing to the console; it logs through the <see cref="ILoggerFactory"/> given (none: silent). It does not
/// handle Ctrl+C or SIGTERM: the embedding process does, and stops the server with its cancellation token.
/// </summary>
/// <example>
/// <code>
/// await using var server = new WsManServer(operations, repository, options, loggerFactory);
/// foreach (var endpoint in await server.StartAsync(ct))
///     Console.WriteLine($"listening on {endpoint}");      // e.g. http://127.0.0.1:5985/wsman
/// await server.WaitForShutdownAsync(ct);                    // or: await server.RunAsync(ct)
/// </code>
/// </example>
public sealed class WsManServer : IAsyncDisposable
{
    private readonly ICimOperations _operations;
    private readonly CimRepository _repository;
    private readonly WsManServerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly ICimCredentialVerifier? _credentials;
    private WebApplication? _app;
    private EnumerationContextStore? _contexts;
    private X509Certificate2? _certificate;
    private CancellationTokenSource? _sweeperStop;
    private Task? _sweeper;

    /// <param name="credentials">Who may log in; null = <see cref="UserVerifiers.FromOptions"/>: the hashed <see cref="WsManServerOptions.UsersFile"/> and the
    /// <see cref="WsManServerOptions.Users"/> administrators. A host running several front ends passes one
    /// verifier to all of them.</param>
    public WsManServer(ICimOperations operations, CimRepository repository, WsManServerOptions options, ILoggerFactory? loggerFactory = null,
        ICimCredentialVerifier? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(options);
        // Authorization lives in the core decorator; a host that did not add it (with its audit log) still gets it.
        _operations = operations as SecuredCimOperations ?? new SecuredCimOperations(operations);
        _repository = repository;
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _credentials = credentials;
        _logger = _loggerFactory.CreateLogger("CimCloud.WsMan");
    }

    /// <summary>The endpoint URLs being served (<c>http://127.0.0.1:5985/wsman</c>), with actual ports; empty until started.</summary>
    public IReadOnlyList<string> Endpoints { get; private set; } = [];

    /// <summary>Number of open enumeration contexts (diagnostics).</summary>
    public int OpenEnumerations => _contexts?.Count ?? 0;

    /// <summary>
    /// Binds every listen URL and starts serving. Returns the endpoint URLs (scheme, bound address and port, path) —
    /// print <c>listening on {url}</c> for each. Bad settings (see <see cref="WsManServerOptions.Validate"/>, a malformed
    /// URL, an unreadable users file or certificate) throw <see cref="InvalidOperationException"/>; an address already
    /// in use throws <see cref="IOException"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
            throw new InvalidOperationException("the server is already started");
        var (endpoint, contexts, urls) = Configure();
        var app = Build(urls, endpoint);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        _app = app;
        _contexts = contexts;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Endpoints = addresses.Select(a => a.TrimEnd('/') + _options.Path).ToArray();
        foreach (var e in Endpoints)
            HostingLog.Listening(_logger, e);

        _sweeperStop = new CancellationTokenSource();
        _sweeper = SweepAsync(contexts, _sweeperStop.Token);
        return Endpoints;
    }

    /// <summary>Waits until <paramref name="cancellationToken"/> is cancelled (Ctrl+C in the CLI), then stops.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        await StopAsync(CancellationToken.None);
    }

    /// <summary>Starts, serves until <paramref name="cancellationToken"/> is cancelled, then stops.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        await WaitForShutdownAsync(cancellationToken);
    }

    /// <summary>Stops listening, drops every enumeration context. Safe to call twice.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var app = _app;
        if (app is null)
            return;
        _app = null;
        if (_sweeperStop is not null)
        {
            await _sweeperStop.CancelAsync();
            if (_sweeper is not null)
                await _sweeper;
            _sweeperStop.Dispose();
            _sweeperStop = null;
        }

        await app.StopAsync(cancellationToken);
        await app.DisposeAsync();
        if (_contexts is not null)
            await _contexts.ClearAsync();
        Endpoints = [];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _certificate?.Dispose();
        _certificate = null;
    }

    /// <summary>Checks the settings, reads users and certificate, wires the endpoint; every problem is an InvalidOperationException.</summary>
    private (Transport.WsManHttpEndpoint Endpoint, EnumerationContextStore Contexts, List<ListenUrl> Urls) Configure()
    {
        try
        {
            _options.Validate();
            var urls = (_options.Urls.Count == 0 ? [WsManServerOptions.DefaultUrl] : _options.Urls).Select(ListenUrl.Parse).ToList();
            var (endpoint, contexts, users) = WsManEndpointFactory.Create(_operations, _repository, _options, _logger, _credentials);
            if (users is UserStore { Count: 0 })
                HostingLog.NoUsers(_logger);
            if (urls.Any(u => u.IsHttps) && _certificate is null)
            {
                if (string.IsNullOrEmpty(_options.CertificatePath))
                    throw new InvalidOperationException("an https listen URL needs CertificatePath (a PFX file)");
                _certificate = X509CertificateLoader.LoadPkcs12FromFile(_options.CertificatePath, _options.CertificatePassword);
            }

            foreach (var url in urls.Where(u => !u.IsHttps && _options.AllowUnencrypted && !u.IsLocalhost && (u.Address is null || !System.Net.IPAddress.IsLoopback(u.Address))))
                HostingLog.Unencrypted(_logger, url.Text);
            return (endpoint, contexts, urls);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or InvalidDataException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"WS-Man settings: {e.Message}", e);
        }
    }

    private WebApplication Build(List<ListenUrl> urls, Transport.WsManHttpEndpoint endpoint)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "CimCloud.WsManEndpoint" });
        builder.Services.RemoveAll<ILoggerFactory>();
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddLogging();
        builder.Services.RemoveAll<IHostLifetime>();
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        builder.WebHost.UseKestrelCore();
        if (_certificate is not null)
            builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = (2L * _options.EffectiveMaxRequestSize) + 65536;
            foreach (var url in urls)
            {
                void Configure(ListenOptions listen)
                {
                    listen.Protocols = url.IsHttps ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1; // HTTP/2 needs TLS (ALPN)
                    if (url.IsHttps)
                        listen.UseHttps(_certificate!);
                }

                if (url.IsLocalhost)
                    kestrel.ListenLocalhost(url.Port, Configure);
                else if (url.Address is null)
                    kestrel.ListenAnyIP(url.Port, Configure);
                else
                    kestrel.Listen(url.Address, url.Port, Configure);
            }
        });

        var app = builder.Build();
        app.Run(endpoint.HandleAsync);
        return app;
    }

    private async Task SweepAsync(EnumerationContextStore contexts, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.SweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var swept = contexts.Sweep();
                if (swept > 0)
                    HostingLog.Swept(_logger, swept);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
