using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;
using CimCloud.WsManEndpoint.Hosting;
using CimCloud.WsManEndpoint.Security;
using FluentAssertions;
using Xunit;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>The hosting layer on its own: settings binding, listen URLs, users, HTTPS, AllowUnencrypted, start failures.</summary>
public sealed class HostingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cimcloud-wsman-").FullName;

    [Fact]
    public void Settings_bind_from_json_then_environment()
    {
        var json = Path.Combine(_folder, "settings.json");
        File.WriteAllText(json, """
            { "CimCloud": { "WsMan": {
                "Urls": [ "http://0.0.0.0:15985" ],
                "Users": [ "admin:secret" ],
                "AllowUnencrypted": true,
                "MaxEnvelopeSize": 512000,
                "OperationTimeout": "00:00:30",
                "Realm": "FromJson" } } }
            """);
        const string variable = "CimCloud__WsMan__Realm";
        Environment.SetEnvironmentVariable(variable, "FromEnvironment");
        try
        {
            var options = WsManConfiguration.Load(json);
            options.Urls.Should().Equal("http://0.0.0.0:15985");
            options.Users.Should().Equal("admin:secret");
            options.AllowUnencrypted.Should().BeTrue();
            options.MaxEnvelopeSize.Should().Be(512000);
            options.OperationTimeout.Should().Be(TimeSpan.FromSeconds(30));
            options.Realm.Should().Be("FromEnvironment");
            options.Path.Should().Be("/wsman");
            options.DefaultNamespace.Should().Be("root/cimv2");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Defaults_follow_the_spec_digest()
    {
        var options = new WsManServerOptions();
        options.MaxEnvelopeSize.Should().Be(153600);
        options.OperationTimeout.Should().Be(TimeSpan.FromSeconds(60));
        options.EnumerationIdleTimeout.Should().Be(TimeSpan.FromSeconds(60));
        options.MaxEnumerationContextsPerUser.Should().Be(64);
        options.MessageIdHistory.Should().Be(1024);
        options.AllowUnencrypted.Should().BeFalse("Basic over plain HTTP is only for loopback unless explicitly allowed");
        WsManServerOptions.DefaultUrl.Should().Be("http://127.0.0.1:5985");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5985", false, "127.0.0.1", false, 5985)]
    [InlineData("http://127.0.0.1", false, "127.0.0.1", false, 5985)]
    [InlineData("https://[::1]", true, "::1", false, 5986)]
    [InlineData("http://*:8080/", false, null, false, 8080)]
    [InlineData("HTTP://localhost:5985", false, null, true, 5985)]
    [InlineData("http://localhost:0", false, "127.0.0.1", false, 0)]
    public void Listen_urls_parse(string text, bool https, string? address, bool localhost, int port)
    {
        var url = ListenUrl.Parse(text);
        url.IsHttps.Should().Be(https);
        url.Address?.ToString().Should().Be(address);
        if (address is null)
            url.Address.Should().BeNull();
        url.IsLocalhost.Should().Be(localhost);
        url.Port.Should().Be(port);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("127.0.0.1:5985")]
    [InlineData("http://example.com:5985")]
    [InlineData("http://127.0.0.1:5985/wsman")]
    [InlineData("http://127.0.0.1:99999")]
    public void Bad_listen_urls_are_refused(string text) =>
        ((Action)(() => ListenUrl.Parse(text))).Should().Throw<ArgumentException>();

    [Fact]
    public void Users_come_from_pairs_and_plain_text_users_files_are_refused()
    {
        var users = UserStore.Create(["alice:one", "carol:pa:ss:word"]);
        users.Count.Should().Be(2);
        users.Verify("alice", "one").Should().Be("alice");
        users.Verify("ALICE", "one").Should().Be("alice");
        users.Verify("carol", "pa:ss:word").Should().Be("carol");
        users.Verify("alice", "two").Should().BeNull();
        users.Verify("nobody", "one").Should().BeNull();

        var file = Path.Combine(_folder, "users");
        File.WriteAllText(file, "# operators\n\ncarol:pa:ss:word\n  dave:x  \n");
        var load = () => UserVerifiers.FromOptions(new WsManServerOptions { UsersFile = file });
        load.Should().Throw<InvalidDataException>().WithMessage("*plain-text*cimcloud users add*");
    }

    [Fact]
    public async Task Bad_settings_fail_StartAsync_with_InvalidOperationException()
    {
        await StartFails(new WsManServerOptions { Urls = ["https://127.0.0.1:0"], Users = ["a:b"] });
        await StartFails(new WsManServerOptions { Urls = ["gopher://127.0.0.1:0"], Users = ["a:b"] });
        await StartFails(new WsManServerOptions { Urls = ["http://127.0.0.1:0"], Users = ["no-colon"] });
        await StartFails(new WsManServerOptions { Urls = ["http://127.0.0.1:0"], UsersFile = Path.Combine(_folder, "missing") });
        await StartFails(new WsManServerOptions { Urls = ["http://127.0.0.1:0"], MaxEnvelopeSize = 1000 });
    }

    [Fact]
    public async Task Address_in_use_fails_StartAsync()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        await using var server = NewServer(new WsManServerOptions { Urls = [$"http://127.0.0.1:{port}"], Users = ["a:b"] });
        var start = () => server.StartAsync();
        (await start.Should().ThrowAsync<Exception>()).Which.Should().Match<Exception>(e => e is IOException || e is InvalidOperationException);
    }

    [Fact]
    public async Task Https_listener_serves_Basic_and_plain_http_on_loopback_keeps_it_without_AllowUnencrypted()
    {
        var pfx = Path.Combine(_folder, "server.pfx");
        WriteSelfSignedPfx(pfx, "pfx-password");
        var options = new WsManServerOptions
        {
            Urls = ["http://127.0.0.1:0", "https://127.0.0.1:0"],
            CertificatePath = pfx,
            CertificatePassword = "pfx-password",
            Users = ["alice:s3cret"],
            AllowUnencrypted = false,
        };
        await using var server = NewServer(options);
        var endpoints = await server.StartAsync();
        endpoints.Should().HaveCount(2).And.OnlyContain(e => e.EndsWith("/wsman", StringComparison.Ordinal));
        var https = endpoints.Single(e => e.StartsWith("https://", StringComparison.Ordinal));
        var http = endpoints.Single(e => e.StartsWith("http://", StringComparison.Ordinal));

        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var client = new HttpClient(handler);
        using var secure = await PostIdentify(client, https);
        secure.StatusCode.Should().Be(HttpStatusCode.OK);
        (await secure.Content.ReadAsStringAsync()).Should().Contain("secprofile/https/basic");

        using var plain = await PostIdentify(client, http);
        plain.StatusCode.Should().Be(HttpStatusCode.OK, "a loopback client on a loopback listener may use Basic over plain HTTP");
    }

    [Fact]
    public async Task Stop_is_idempotent_and_endpoints_clear()
    {
        await using var server = NewServer(new WsManServerOptions { Urls = ["http://localhost:0"], Users = ["a:b"] });
        (await server.StartAsync()).Should().ContainSingle().Which.Should().StartWith("http://127.0.0.1:");
        await server.StopAsync();
        await server.StopAsync();
        server.Endpoints.Should().BeEmpty();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static WsManServer NewServer(WsManServerOptions options)
    {
        var repository = new CimRepository();
        repository.CreateNamespace("root/cimv2");
        return new WsManServer(new CimOperations(repository, new ProviderRegistry()), repository, options);
    }

    private static async Task StartFails(WsManServerOptions options)
    {
        await using var server = NewServer(options);
        var start = () => server.StartAsync();
        await start.Should().ThrowAsync<InvalidOperationException>();
    }

    private static async Task<HttpResponseMessage> PostIdentify(HttpClient client, string endpoint)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(Soap.IdentifyEnvelope, new UTF8Encoding(false)) };
        request.Content.Headers.ContentType = new("application/soap+xml") { CharSet = "UTF-8" };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret")));
        return await client.SendAsync(request);
    }

    private static void WriteSelfSignedPfx(string path, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
    }
}
