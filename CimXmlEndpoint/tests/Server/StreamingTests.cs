using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using FluentAssertions;
using Xunit;
using static CimCloud.CimXmlEndpoint.Tests.Server.Raw;

namespace CimCloud.CimXmlEndpoint.Tests.Server;

/// <summary>Enumerations stream: large answers go out chunked while the provider produces them, and a mid-stream failure is never a complete-looking answer.</summary>
public sealed class StreamingTests(TestCimXmlServer server) : IClassFixture<TestCimXmlServer>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(120) };

    private async Task<HttpResponseMessage> EnumerateAsync(string className)
    {
        var body = Wrap($"""<IMETHODCALL NAME="EnumerateInstances">{Ns}<IPARAMVALUE NAME="ClassName"><CLASSNAME NAME="{className}"/></IPARAMVALUE></IMETHODCALL>""");
        var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:pw")));
        request.Headers.TryAddWithoutValidation("CIMOperation", "MethodCall");
        request.Headers.TryAddWithoutValidation("CIMMethod", "EnumerateInstances");
        request.Headers.TryAddWithoutValidation("CIMObject", "root%2Fcimv2");
        return await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    [Fact]
    public async Task A_large_enumeration_is_chunked_and_starts_before_the_provider_finished()
    {
        lock (server.Stream)
        {
            server.Stream.Count = 60_000;
            server.Stream.FailAfter = null;
        }

        var before = server.Stream.Produced;
        using var response = await EnumerateAsync("Test_Stream");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.TransferEncodingChunked.Should().BeTrue();
        response.Content.Headers.ContentLength.Should().BeNull();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit });
        var count = 0;
        var producedAtFirst = -1;
        while (await reader.ReadAsync())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "VALUE.NAMEDINSTANCE")
            {
                if (count++ == 0)
                    producedAtFirst = server.Stream.Produced - before;
            }
        }

        count.Should().Be(60_000);
        producedAtFirst.Should().BeLessThan(60_000, "the first instances reach the client before the provider produced the last one");
    }

    [Fact]
    public async Task A_failure_before_the_first_result_is_an_error_element()
    {
        lock (server.Stream)
        {
            server.Stream.Count = 10;
            server.Stream.FailAfter = 0;
        }

        var reply = await IntrinsicAsync(server.Endpoint, "EnumerateInstanceNames", """<IPARAMVALUE NAME="ClassName"><CLASSNAME NAME="Test_Stream"/></IPARAMVALUE>""");
        reply.ErrorCode.Should().Be(1);
    }

    [Fact]
    public async Task A_failure_after_data_was_sent_aborts_the_response()
    {
        lock (server.Stream)
        {
            server.Stream.Count = 50_000;
            server.Stream.FailAfter = 40_000;
        }

        using var response = await EnumerateAsync("Test_Stream");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var read = async () =>
        {
            await using var stream = await response.Content.ReadAsStreamAsync();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { Async = true });
            while (await reader.ReadAsync())
            {
            }
        };
        await read.Should().ThrowAsync<Exception>("a truncated enumeration must not parse as a complete CIM-XML answer");
        // The server keeps serving.
        (await IntrinsicAsync(server.Endpoint, "EnumerateInstanceNames", """<IPARAMVALUE NAME="ClassName"><CLASSNAME NAME="Test_Vm"/></IPARAMVALUE>""")).ErrorCode.Should().BeNull();
    }
}
