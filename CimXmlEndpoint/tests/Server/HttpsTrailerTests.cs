using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Security;
using CimCloud.CimXmlEndpoint.Hosting;
using FluentAssertions;
using Xunit;

namespace CimCloud.CimXmlEndpoint.Tests.Server;

/// <summary>
/// HTTPS listeners (certificate from a PFX) speak HTTP/1.1 and HTTP/2; over HTTP/2 a client that sends
/// <c>TE: trailers</c> gets the streamed answer's CIMStatusCode as a trailer, 0 on success and the CIM status on a
/// mid-stream failure.
/// </summary>
public sealed class HttpsTrailerTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"cimxml-test-{Guid.NewGuid():N}.pfx");
    private readonly StreamingInstanceProvider _stream = new() { Count = 5000 };
    private CimXmlServer? _server;
    private Uri _endpoint = null!;
    private string _thumbprint = string.Empty;

    public async Task InitializeAsync()
    {
        _thumbprint = WriteSelfSignedPfx(_pfx, "pw");
        var repository = new CimRepository();
        new MofCompiler(repository, new MofCompilerOptions { DefaultNamespace = "root/cimv2" }).CompileText(TestCimXmlServer.Mof, "t.mof").Success.Should().BeTrue();
        var providers = new ProviderRegistry();
        providers.RegisterInstanceProvider("root/cimv2", "Test_Stream", _stream);
        _server = new CimXmlServer(new CimOperations(repository, providers), repository,
            new CimXmlServerOptions { Urls = ["https://127.0.0.1:0"], CertificatePath = _pfx, CertificatePassword = "pw" }, new OneUser());
        _endpoint = new Uri((await _server.StartAsync()).Single());
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        File.Delete(_pfx);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private async Task<HttpResponseMessage> EnumerateAsync(HttpClient client)
    {
        var body = Raw.Wrap($"""<IMETHODCALL NAME="EnumerateInstanceNames">{Raw.Ns}<IPARAMVALUE NAME="ClassName"><CLASSNAME NAME="Test_Stream"/></IPARAMVALUE></IMETHODCALL>""");
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/xml"),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("u:p"u8.ToArray()));
        request.Headers.TryAddWithoutValidation("CIMOperation", "MethodCall");
        request.Headers.TryAddWithoutValidation("CIMMethod", "EnumerateInstanceNames");
        request.Headers.TryAddWithoutValidation("CIMObject", "root%2Fcimv2");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        var response = await client.SendAsync(request);
        return response;
    }

    [Fact]
    public async Task Streamed_answers_over_http2_end_with_cim_status_trailers()
    {
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _thumbprint;
        using var client = new HttpClient(handler);

        _stream.FailAfter = null;
        using (var ok = await EnumerateAsync(client))
        {
            ok.Version.Should().Be(HttpVersion.Version20);
            (await ok.Content.ReadAsStringAsync()).Should().Contain("INSTANCENAME");
            ok.TrailingHeaders.GetValues("CIMStatusCode").Should().Equal("0");
        }

        _stream.FailAfter = 3000;
        using var failed = await EnumerateAsync(client);
        failed.StatusCode.Should().Be(HttpStatusCode.OK);
        await failed.Content.ReadAsStringAsync();
        failed.TrailingHeaders.GetValues("CIMStatusCode").Should().Equal("1");
        Uri.UnescapeDataString(failed.TrailingHeaders.GetValues("CIMStatusCodeDescription").Single()).Should().Contain("stream broke after 3000");
    }

    private static string WriteSelfSignedPfx(string path, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return certificate.GetCertHashString();
    }

    private sealed class OneUser : ICimCredentialVerifier
    {
        public CimPrincipal? Verify(string userName, string password, string? remoteAddress) => userName == "u" && password == "p" ? CimPrincipal.Administrator("u") : null;
    }
}
