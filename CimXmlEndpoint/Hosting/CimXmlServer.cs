using System.Security.Cryptography.X509Certificates;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Security;
using CimCloud.CimXmlEndpoint.Enumeration;
using CimCloud.CimXmlEndpoint.Operations;
using CimCloud.CimXmlEndpoint.Transport;
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

namespace CimCloud.CimXmlEndpoint.Hosting;

/// <summary>
/// The CIM-XML (DSP0200/DSP0201) server: its own Kestrel application serving <see cref="CimXmlServerOptions.Path"/> on
/// every listen URL over the caller's <see cref="ICimOperations"/>, authenticating with the host's shared
/// <see cref="ICimCredentialVerifier"/>. Silent unless given a logger factory; the embedding process handles signals.
/// </summary>
public sealed class CimXmlServer : IAsyncDisposable
{
    private readonly ICimOperations _operations;
    private readonly CimRepository _repository;
    private readonly CimXmlServerOptions _options;
    private readonly ICimCredentialVerifier _credentials;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly PullContextStore _pulls;
    private WebApplication? _app;
    private X509Certificate2? _certificate;
    private CancellationTokenSource? _sweeperStop;
    private Task? _sweeper;

    public CimXmlServer(ICimOperations operations, CimRepository repository, CimXmlServerOptions options, ICimCredentialVerifier credentials,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        _operations = operations;
        _repository = repository;
        _options = options;
        _credentials = credentials;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger("CimCloud.CimXml");
        _pulls = new PullContextStore(options.MaxOpenEnumerations);
    }

    /// <summary>The endpoint URLs (<c>http://127.0.0.1:5988/cimom</c>) with actual ports; empty until started.</summary>
    public IReadOnlyList<string> Endpoints { get; private set; } = [];

    /// <summary>Open pull enumerations (diagnostics).</summary>
    public int OpenEnumerations => _pulls.Count;

    /// <summary>Binds every URL and starts serving; bad settings are InvalidOperationException, a busy port IOException.</summary>
    public async Task<IReadOnlyList<string>> StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
            throw new InvalidOperationException("the CIM-XML server is already started");
        List<CimXmlListenUrl> urls;
        try
        {
            urls = (_options.Urls.Count == 0 ? [CimXmlServerOptions.DefaultUrl] : _options.Urls).Select(CimXmlListenUrl.Parse).ToList();
            if (!_options.Path.StartsWith('/'))
                throw new ArgumentException($"CIM-XML path '{_options.Path}' must start with /");
            if (urls.Any(u => u.IsHttps) && _certificate is null)
            {
                if (string.IsNullOrEmpty(_options.CertificatePath))
                    throw new InvalidOperationException("an https CIM-XML URL needs a certificate (--cert PFX)");
                _certificate = X509CertificateLoader.LoadPkcs12FromFile(_options.CertificatePath, _options.CertificatePassword);
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"CIM-XML settings: {e.Message}", e);
        }

        var endpoint = new CimXmlHttpEndpoint(_options, new BasicAuthentication(_credentials, _options.Realm),
            new IntrinsicOperations(_operations, _repository, _pulls, _options), new ExtrinsicOperations(_operations, _repository), _logger);
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
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Endpoints = addresses.Select(a => a.TrimEnd('/') + _options.Path).ToArray();
        foreach (var e in Endpoints)
            CimXmlLog.Listening(_logger, e);
        _sweeperStop = new CancellationTokenSource();
        _sweeper = SweepAsync(_sweeperStop.Token);
        return Endpoints;
    }

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
        await _pulls.ClearAsync();
        Endpoints = [];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _certificate?.Dispose();
        _certificate = null;
    }

    private WebApplication Build(List<CimXmlListenUrl> urls, CimXmlHttpEndpoint endpoint)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "CimCloud.CimXmlEndpoint" });
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
            kestrel.Limits.MaxRequestBodySize = _options.MaxRequestSize + 65536;
            foreach (var url in urls)
            {
                void Configure(ListenOptions listen)
                {
                    listen.Protocols = url.IsHttps ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1;
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

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await _pulls.SweepAsync();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
