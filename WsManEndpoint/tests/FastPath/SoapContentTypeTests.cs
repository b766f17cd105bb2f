using CimCloud.WsManEndpoint.Transport;
using FluentAssertions;
using Microsoft.Net.Http.Headers;
using Xunit;

namespace CimCloud.WsManEndpoint.Tests.FastPath;

/// <summary>The allocation-free reading of common Content-Type values agrees with the full media-type parser.</summary>
public sealed class SoapContentTypeTests
{
    public static TheoryData<string?> Values => new()
    {
        null,
        "",
        "   ",
        "application/soap+xml",
        "application/soap+xml;charset=UTF-8",
        "application/soap+xml;charset=utf-8",
        "Application/SOAP+XML; charset=UTF-16",
        "application/soap+xml ; charset=UTF-16LE",
        "application/soap+xml;charset=\"UTF-8\"",
        "application/soap+xml; charset=UTF-8; action=\"http://schemas.xmlsoap.org/ws/2004/09/transfer/Get\"",
        "application/soap+xml;action=x;charset=utf-8",
        "application/soap+xmlx",
        "application/soap+xml;charset=",
        "application/soap+xml;charset=ISO-8859-1",
        "application/soap+xml;charset=UTF-8;",
        "application/soap+xml;;charset=UTF-8",
        "text/xml;charset=UTF-8",
        "application/xml",
        "application/soap+xml;charset=UTF 8",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Agrees_with_the_full_parser(string? contentType)
    {
        var accepted = SoapContentType.TryParse(contentType, out var charset);
        var expectedAccepted = Reference(contentType, out var expectedCharset);
        accepted.Should().Be(expectedAccepted);
        charset.Should().Be(expectedCharset);
    }

    [Theory]
    [InlineData("application/soap+xml;charset=UTF-8", "UTF-8")]
    [InlineData("application/soap+xml; charset=utf-16", "utf-16")]
    [InlineData("application/soap+xml", null)]
    public void Reads_the_common_forms_itself(string contentType, string? charset)
    {
        SoapContentType.TryParseCommon(contentType, out var read, out var recognised).Should().BeTrue();
        recognised.Should().BeTrue();
        read.Should().Be(charset);
    }

    [Theory]
    [InlineData("application/soap+xml;charset=\"UTF-8\"")]
    [InlineData("application/soap+xml;action=x;charset=utf-8")]
    [InlineData("text/xml")]
    public void Leaves_other_forms_to_the_full_parser(string contentType) =>
        SoapContentType.TryParseCommon(contentType, out _, out _).Should().BeFalse();

    // The behaviour before the fast path: Microsoft.Net.Http.Headers' parser only.
    private static bool Reference(string? contentType, out string? charset)
    {
        charset = null;
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
            return false;
        if (!parsed.MediaType.Equals(SoapContentType.MediaType, StringComparison.OrdinalIgnoreCase))
            return false;
        var value = parsed.Charset;
        charset = value.HasValue ? value.Value!.Trim().Trim('"') : null;
        return true;
    }
}
