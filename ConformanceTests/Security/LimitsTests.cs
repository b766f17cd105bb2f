using System.Net;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.Security;

/// <summary>Each limit answered with its standard fault by a server started with small limits; the server keeps serving.</summary>
public sealed class LimitsTests(ITestOutputHelper output)
{
    private static readonly HttpClient Plain = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task Limits_get_their_faults_and_the_server_keeps_serving()
    {
        if (SharedInputs.CctFixture(output) is not { } cct)
            return;
        // 'slow' may send 3 requests and then one per 1000 s: its 4th request is over the rate whatever the timing.
        await using var server = await ServeProcess.StartAsync(1,
            "--listen", "http://127.0.0.1:0", "--mof", cct, "--user", "enum:pw", "--user", "deep:pw", "--user", "big:pw", "--user", "slow:pw",
            "--max-enumerations-per-user", "2", "--max-xml-depth", "16", "--max-envelope-size", "8192",
            "--max-requests-per-second", "0.001", "--request-burst", "3");
        var call = new WsManCall(Plain, server.Endpoint);

        // Open enumeration contexts per user: wsman:QuotaLimit for the third; releasing one frees a slot.
        var first = await call.PostAsync(WsManCall.Enumerate("CCT_Base"), "enum", "pw");
        var second = await call.PostAsync(WsManCall.Enumerate("CCT_Base"), "enum", "pw");
        first.Status.Should().Be(HttpStatusCode.OK, first.ToString());
        second.Status.Should().Be(HttpStatusCode.OK, second.ToString());
        (await call.PostAsync(WsManCall.Enumerate("CCT_Base"), "enum", "pw")).Subcode.Should().Be("QuotaLimit");

        // XML depth: wsman:SchemaValidationError.
        var deep = WsManCall.Envelope(WsManCall.Transfer + "Get", "CCT_Host", WsManCall.Key("InstanceID", "host-1"),
            string.Concat(Enumerable.Repeat("<x>", 20)) + string.Concat(Enumerable.Repeat("</x>", 20)));
        (await call.PostAsync(deep, "deep", "pw")).Subcode.Should().Be("SchemaValidationError");

        // Envelope size: wsman:EncodingLimit.
        var big = WsManCall.Envelope(WsManCall.Transfer + "Get", "CCT_Host", WsManCall.Key("InstanceID", new string('h', 9000)));
        (await call.PostAsync(big, "big", "pw")).Subcode.Should().Be("EncodingLimit");

        // Request rate per user: wsman:QuotaLimit once the burst is spent; other users are not affected.
        for (var i = 0; i < 3; i++)
            (await call.PostAsync(WsManCall.Get("CCT_Host", "host-1"), "slow", "pw")).Status.Should().Be(HttpStatusCode.OK);
        var limited = await call.PostAsync(WsManCall.Get("CCT_Host", "host-1"), "slow", "pw");
        limited.Subcode.Should().Be("QuotaLimit", limited.ToString());

        (await call.PostAsync(WsManCall.Get("CCT_Host", "host-1"), "deep", "pw")).Status.Should().Be(HttpStatusCode.OK, "the server keeps serving");
        server.HasExited.Should().BeFalse();
    }
}
