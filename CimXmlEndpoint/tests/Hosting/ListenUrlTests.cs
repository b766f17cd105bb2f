using System.Net;
using CimCloud.CimXmlEndpoint.Hosting;
using FluentAssertions;
using Xunit;

namespace CimCloud.CimXmlEndpoint.Tests.Hosting;

public sealed class ListenUrlTests
{
    [Theory]
    [InlineData("http://127.0.0.1", false, 5988)]
    [InlineData("https://127.0.0.1", true, 5989)]
    [InlineData("http://127.0.0.1:0", false, 0)]
    [InlineData("https://[::1]:7000", true, 7000)]
    [InlineData("http://*:5990", false, 5990)]
    public void Default_ports_are_5988_and_5989(string text, bool https, int port)
    {
        var url = CimXmlListenUrl.Parse(text);
        url.IsHttps.Should().Be(https);
        url.Port.Should().Be(port);
    }

    [Fact]
    public void Any_address_and_loopback_are_recognised()
    {
        CimXmlListenUrl.Parse("http://*:5988").Address.Should().BeNull();
        CimXmlListenUrl.Parse("http://127.0.0.1:5988").Address.Should().Be(IPAddress.Loopback);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("http://127.0.0.1:5988/cimom")]
    [InlineData("http://some-host:5988")]
    [InlineData("127.0.0.1:5988")]
    public void Bad_urls_are_refused(string text) =>
        FluentActions.Invoking(() => CimXmlListenUrl.Parse(text)).Should().Throw<ArgumentException>();
}
