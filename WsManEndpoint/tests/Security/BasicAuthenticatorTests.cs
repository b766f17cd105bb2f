using System.Net;
using System.Text;
using CimCloud.Cimom.Security;
using CimCloud.WsManEndpoint.Security;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CimCloud.WsManEndpoint.Tests.Security;

/// <summary>Where Basic is accepted: HTTPS, loopback connections, and plain HTTP from elsewhere only with AllowUnencrypted.</summary>
public sealed class BasicAuthenticatorTests
{
    private static readonly UserStore Users = UserStore.Create(["alice:pw"]);

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", false, false, true)]
    [InlineData("::1", "::1", false, false, true)]
    [InlineData("::ffff:127.0.0.1", "::ffff:127.0.0.1", false, false, true)]
    [InlineData("192.0.2.2", "192.0.2.9", false, false, false)]
    [InlineData("192.0.2.2", "127.0.0.1", false, false, false)]
    [InlineData("192.0.2.2", "192.0.2.9", false, true, true)]
    [InlineData("192.0.2.2", "192.0.2.9", true, false, true)]
    public void Basic_is_accepted_on_https_loopback_or_with_AllowUnencrypted(string local, string remote, bool https, bool allowUnencrypted, bool accepted)
    {
        var authenticator = new BasicAuthenticator(Users, allowUnencrypted, "CimCloud");
        var request = Request(local, remote, https, "alice:pw");
        authenticator.IsEnabled(request).Should().Be(accepted);
        (authenticator.Authenticate(request)?.Name).Should().Be(accepted ? "alice" : null);
        authenticator.IsRefusedUnencrypted(request).Should().Be(!accepted);
        if (accepted)
            authenticator.Authenticate(request)!.RoleIn("root/cimv2").Should().Be(CimRole.Admin);
    }

    [Fact]
    public void Wrong_or_malformed_credentials_are_not_authenticated()
    {
        var authenticator = new BasicAuthenticator(Users, allowUnencrypted: false, "CimCloud");
        authenticator.Authenticate(Request("127.0.0.1", "127.0.0.1", false, "alice:nope")).Should().BeNull();
        var malformed = Request("127.0.0.1", "127.0.0.1", false, null);
        malformed.Headers.Authorization = "Basic %%%";
        authenticator.Authenticate(malformed).Should().BeNull();
        authenticator.Authenticate(Request("127.0.0.1", "127.0.0.1", false, null)).Should().BeNull();
    }

    private static HttpRequest Request(string local, string remote, bool https, string? credentials)
    {
        var context = new DefaultHttpContext();
        context.Connection.LocalIpAddress = IPAddress.Parse(local);
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.IsHttps = https;
        if (credentials is not null)
            context.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
        return context.Request;
    }
}
