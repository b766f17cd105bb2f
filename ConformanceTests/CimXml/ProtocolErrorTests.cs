using System.Net;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using static CimCloud.ConformanceTests.CimXml.RawCimXml;

namespace CimCloud.ConformanceTests.CimXml;

/// <summary>DSP0200 HTTP rules: authentication, methods, the CIM headers, M-POST, and the CIMError header on protocol errors.</summary>
public sealed class ProtocolErrorTests(CimXmlServerProcess server, ITestOutputHelper output) : IClassFixture<CimXmlServerProcess>
{
    private Uri Endpoint => server.CimXmlEndpoint;

    private static readonly string GetHost1 = Intrinsic("GetInstance", Param("InstanceName", Host1));

    private async Task<Reply> PostAsync(string body, string? method = "GetInstance", string? cimObject = "root%2Fcimv2", bool authenticate = true,
        string httpMethod = "POST", Dictionary<string, string>? headers = null, string operation = "MethodCall", string contentType = "application/xml; charset=utf-8")
    {
        var reply = await RawCimXml.PostAsync(Endpoint, body, method, cimObject, authenticate, httpMethod, headers, operation, contentType);
        output.WriteLine($"HTTP {(int)reply.Status} CIMError={reply.Header("CIMError")}\n{reply.Body}");
        return reply;
    }

    private static void ShouldBeProtocolError(Reply reply, HttpStatusCode status, string cimError)
    {
        reply.Status.Should().Be(status);
        reply.Header("CIMError").Should().Be(cimError);
    }

    [Fact]
    public async Task Missing_or_wrong_credentials_get_401_with_a_basic_challenge()
    {
        if (!server.Require(output))
            return;
        var reply = await PostAsync(GetHost1, authenticate: false);
        reply.Status.Should().Be(HttpStatusCode.Unauthorized);
        reply.Headers.WwwAuthenticate.ToString().Should().StartWith("Basic realm=");
        var wrong = await PostAsync(GetHost1, headers: new() { ["Authorization"] = "Basic " + Convert.ToBase64String("test:nope"u8.ToArray()) }, authenticate: false);
        wrong.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_post_and_m_post_on_the_cimom_path()
    {
        if (!server.Require(output))
            return;
        (await PostAsync(GetHost1, httpMethod: "PUT")).Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        var other = await RawCimXml.PostAsync(new Uri(Endpoint, "/elsewhere"), GetHost1, "GetInstance", "root%2Fcimv2");
        other.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task M_post_with_the_man_header_uses_prefixed_headers()
    {
        if (!server.Require(output))
            return;
        var reply = await PostAsync(GetHost1, httpMethod: "M-POST", headers: new() { ["Man"] = "http://www.dmtf.org/cim/mapping/http/v1.0 ; ns=73" });
        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Header("73-CIMOperation").Should().Be("MethodResponse");
        reply.Header("Ext").Should().NotBeNull();
        reply.ReturnValue.Element("INSTANCE").Should().NotBeNull();
        var noMan = await PostAsync(GetHost1, httpMethod: "M-POST");
        noMan.Status.Should().Be((HttpStatusCode)510);
    }

    [Fact]
    public async Task Cim_headers_are_checked_against_the_message()
    {
        if (!server.Require(output))
            return;
        ShouldBeProtocolError(await PostAsync(GetHost1, operation: ""), HttpStatusCode.BadRequest, "header-mismatch");
        ShouldBeProtocolError(await PostAsync(GetHost1, operation: "MethodResponse"), HttpStatusCode.NotImplemented, "unsupported-operation");
        ShouldBeProtocolError(await PostAsync(GetHost1, method: "EnumerateInstances"), HttpStatusCode.BadRequest, "header-mismatch");
        ShouldBeProtocolError(await PostAsync(GetHost1, cimObject: "root%2Fother"), HttpStatusCode.BadRequest, "header-mismatch");
        ShouldBeProtocolError(await PostAsync(GetHost1, method: null), HttpStatusCode.BadRequest, "header-mismatch");
        (await PostAsync(GetHost1, cimObject: "root/cimv2")).Status.Should().Be(HttpStatusCode.OK, "an unencoded but equal value matches too");
        ShouldBeProtocolError(await PostAsync(GetHost1, headers: new() { ["CIMBatch"] = "CIMBatch" }), HttpStatusCode.NotImplemented, "multiple-requests-unsupported");
        (await PostAsync(GetHost1, contentType: "text/plain")).Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Bad_xml_and_unsupported_versions_are_protocol_errors()
    {
        if (!server.Require(output))
            return;
        ShouldBeProtocolError(await PostAsync("<CIM><MESSAGE"), HttpStatusCode.BadRequest, "request-not-well-formed");
        ShouldBeProtocolError(await PostAsync("""<?xml version="1.0"?><!DOCTYPE CIM [<!ENTITY x SYSTEM "file:///etc/passwd">]><CIM CIMVERSION="2.0" DTDVERSION="2.0">&x;</CIM>"""),
            HttpStatusCode.BadRequest, "request-not-well-formed");
        ShouldBeProtocolError(await PostAsync("<NOTCIM/>"), HttpStatusCode.BadRequest, "request-not-valid");
        ShouldBeProtocolError(await PostAsync(Message("<IMETHODCALL NAME=\"GetInstance\"></IMETHODCALL>")), HttpStatusCode.BadRequest, "request-not-valid");
        ShouldBeProtocolError(await PostAsync(GetHost1.Replace("PROTOCOLVERSION=\"1.0\"", "PROTOCOLVERSION=\"2.0\"", StringComparison.Ordinal)),
            HttpStatusCode.NotImplemented, "unsupported-protocol-version");
        ShouldBeProtocolError(await PostAsync(GetHost1.Replace("CIMVERSION=\"2.0\"", "CIMVERSION=\"3.0\"", StringComparison.Ordinal)),
            HttpStatusCode.NotImplemented, "unsupported-cim-version");
        var multi = """<?xml version="1.0"?><CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1" PROTOCOLVERSION="1.0"><MULTIREQ></MULTIREQ></MESSAGE></CIM>""";
        ShouldBeProtocolError(await PostAsync(multi), HttpStatusCode.NotImplemented, "multiple-requests-unsupported");
        var deep = Intrinsic("GetInstance", Param("InstanceName", string.Concat(Enumerable.Repeat("<X>", 200)) + string.Concat(Enumerable.Repeat("</X>", 200))));
        ShouldBeProtocolError(await PostAsync(deep), HttpStatusCode.BadRequest, "request-not-valid");
        // ... and the server keeps serving.
        (await PostAsync(GetHost1)).ReturnValue.Element("INSTANCE").Should().NotBeNull();
    }

    [Fact]
    public async Task The_message_id_is_echoed()
    {
        if (!server.Require(output))
            return;
        var reply = await PostAsync(Message($"<IMETHODCALL NAME=\"GetInstance\">{NamespacePath()}{Param("InstanceName", Host1)}</IMETHODCALL>", id: "4711"));
        reply.Document.Element("MESSAGE")!.Attribute("ID")!.Value.Should().Be("4711");
    }
}
