using System.Net;
using System.Net.Sockets;
using System.Text;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>The HTTP binding: methods, paths, media types, lengths, authentication, sizes, encodings.</summary>
public sealed class TransportTests(ServerFixture fixture, ITestOutputHelper output) : ServerTestBase(fixture, output)
{
    private static string GetHost1 => Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: Soap.Id("host-1"));

    [Fact]
    public async Task Get_method_is_405()
    {
        if (!Ready)
            return;
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, Fixture.Endpoint));
        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Other_path_is_404()
    {
        if (!Ready)
            return;
        var other = new Uri(Fixture.Endpoint, "/other");
        var reply = await Client.PostBytesAsync(Encoding.UTF8.GetBytes(GetHost1), endpoint: other);
        reply.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Non_soap_media_type_is_415()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(GetHost1, contentType: "text/xml; charset=utf-8");
        reply.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("application/soap+xml;charset=UTF-8")]
    [InlineData("application/soap+xml; charset=utf-8")]
    [InlineData("Application/SOAP+XML;Charset=\"UTF-8\";action=\"http://schemas.xmlsoap.org/ws/2004/09/transfer/Get\"")]
    [InlineData("application/soap+xml")]
    public async Task Soap_media_type_is_accepted_in_any_spelling(string contentType)
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(GetHost1, contentType: contentType);
        reply.ShouldSucceed();
        reply.ContentType.Should().Be("application/soap+xml; charset=UTF-8");
    }

    [Fact]
    public async Task No_credentials_get_a_Basic_challenge_with_an_empty_body()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(GetHost1, user: null);
        reply.Status.Should().Be(HttpStatusCode.Unauthorized);
        reply.Headers.WwwAuthenticate.ToString().Should().Be("Basic realm=\"CimCloud\"");
        reply.Bytes.Should().BeEmpty();
    }

    [Fact]
    public async Task Wrong_password_gets_401()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(GetHost1, password: "wrong");
        reply.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Client_answering_the_challenge_gets_in()
    {
        if (!Ready)
            return;
        using var handler = new HttpClientHandler { Credentials = new NetworkCredential(ServerFixture.User, ServerFixture.Password), PreAuthenticate = false };
        using var http = new HttpClient(handler);
        using var content = new StringContent(GetHost1, new UTF8Encoding(false), "application/soap+xml");
        using var response = await http.PostAsync(Fixture.Endpoint, content);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Chunked_body_is_accepted()
    {
        if (!Ready)
            return;
        using var request = new HttpRequestMessage(HttpMethod.Post, Fixture.Endpoint);
        request.Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(GetHost1)));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", WsManTestClient.SoapUtf8);
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServerFixture.User}:{ServerFixture.Password}")));
        using var response = await Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Body_without_length_or_chunking_is_411()
    {
        if (!Ready)
            return;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Fixture.Endpoint.Host, Fixture.Endpoint.Port);
        var stream = tcp.GetStream();
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServerFixture.User}:{ServerFixture.Password}"));
        var head = $"POST {Fixture.Endpoint.AbsolutePath} HTTP/1.1\r\nHost: {Fixture.Endpoint.Authority}\r\nContent-Type: application/soap+xml;charset=UTF-8\r\nAuthorization: Basic {auth}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync();
        status.Should().StartWith("HTTP/1.1 411");
    }

    [Fact]
    public async Task Request_over_the_size_cap_is_EncodingLimit_ServiceEnvelopeLimit()
    {
        if (!Ready)
            return;
        var padding = new string(' ', 160_000);
        var envelope = Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: Soap.Id("host-1"), headers: $"<x:Pad xmlns:x=\"urn:pad\">{padding}</x:Pad>");
        var reply = await Client.PostAsync(envelope);
        reply.ShouldFaultWsMan("EncodingLimit", "ServiceEnvelopeLimit");
        (await Client.PostAsync(GetHost1)).ShouldSucceed();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Utf16_request_gets_a_utf16_response(bool withBom)
    {
        if (!Ready)
            return;
        var bytes = Encoding.Unicode.GetBytes(GetHost1);
        if (withBom)
            bytes = [0xFF, 0xFE, .. bytes];
        var reply = await Client.PostBytesAsync(bytes, contentType: "application/soap+xml;charset=UTF-16");
        reply.ShouldSucceed();
        reply.ContentType.Should().Be("application/soap+xml; charset=UTF-16");
        reply.Bytes[0].Should().Be(0xFF);
        reply.Bytes[1].Should().Be(0xFE);
        Prop(reply.Body!, "InstanceID").Should().Be("host-1");
    }

    [Fact]
    public async Task Utf16_fault_is_utf16_too()
    {
        if (!Ready)
            return;
        var envelope = Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: Soap.Id("nope"));
        var reply = await Client.PostBytesAsync([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(envelope)], contentType: "application/soap+xml;charset=utf-16");
        reply.ShouldFault(Soap.Wsa, "DestinationUnreachable");
        reply.ContentType.Should().Be("application/soap+xml; charset=UTF-16");
    }

    [Fact]
    public async Task Invalid_utf8_is_EncodingLimit_CharacterSet()
    {
        if (!Ready)
            return;
        var bytes = Encoding.UTF8.GetBytes(GetHost1.Replace("host-1", "host-\u00e9", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at + 1] = 0x28;
        var reply = await Client.PostBytesAsync(bytes);
        reply.ShouldFaultWsMan("EncodingLimit", "CharacterSet");
    }

    [Fact]
    public async Task Unknown_charset_is_EncodingLimit_CharacterSet()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(GetHost1, contentType: "application/soap+xml;charset=ISO-8859-7");
        reply.ShouldFaultWsMan("EncodingLimit", "CharacterSet");
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
