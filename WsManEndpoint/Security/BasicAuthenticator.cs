using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CimCloud.Cimom.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CimCloud.WsManEndpoint.Security;

/// <summary>
/// HTTP Basic authentication against an <see cref="ICimCredentialVerifier"/> (RFC 7617). Basic is offered and accepted
/// over HTTPS, over plain HTTP on loopback connections (client and listener on this machine), and over plain HTTP from
/// elsewhere only when <c>AllowUnencrypted</c> is set (WinRM's rule).
/// </summary>
public sealed class BasicAuthenticator(ICimCredentialVerifier users, bool allowUnencrypted, string realm)
{
    /// <summary>The text of the HTTP 403 answer to Basic credentials sent over plain HTTP from another machine.</summary>
    public const string UnencryptedRefusal =
        "HTTP Basic authentication over unencrypted HTTP from another machine is refused: the password would cross the network "
        + "in clear. Use the https listener, or start the server with --allow-unencrypted (AllowUnencrypted) on a trusted network.";

    // Authorization values that verified, so a client's every request does not decode and verify again. Kept briefly
    // (a verifier may be slow and cache too); bounded and simply emptied when full.
    private const int CacheLimit = 1024;
    private static readonly long CacheTicks = 30 * System.Diagnostics.Stopwatch.Frequency;
    private readonly ConcurrentDictionary<string, (CimPrincipal Principal, long Expires)> _verified = new(StringComparer.Ordinal);

    /// <summary>The value of <c>WWW-Authenticate</c> for a 401 challenge.</summary>
    public string Challenge { get; } = $"Basic realm=\"{realm}\"";

    /// <summary>Basic is enabled for this request: HTTPS, a loopback connection, or AllowUnencrypted.</summary>
    public bool IsEnabled(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.IsHttps || allowUnencrypted || IsLoopback(request.HttpContext.Connection);
    }

    /// <summary>The request carries Basic credentials where Basic is not enabled (plain HTTP from another machine).</summary>
    public bool IsRefusedUnencrypted(HttpRequest request) =>
        !IsEnabled(request) && request.Headers[HeaderNames.Authorization].ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Both ends of the connection are loopback addresses.</summary>
    public static bool IsLoopback(ConnectionInfo connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return IsLoopback(connection.LocalIpAddress) && IsLoopback(connection.RemoteIpAddress);
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The authenticated user, or null (no, malformed or wrong credentials, or Basic disabled here).</summary>
    public CimPrincipal? Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsEnabled(request))
            return null;
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (_verified.TryGetValue(header, out var known) && now < known.Expires)
            return known.Principal;
        var user = Verify(header, request.HttpContext.Connection.RemoteIpAddress?.ToString());
        if (user is not null)
        {
            if (_verified.Count >= CacheLimit)
                _verified.Clear();
            _verified[header] = (user, now + CacheTicks);
        }

        return user;
    }

    private CimPrincipal? Verify(string header, string? remoteAddress)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return null;
        return users.Verify(decoded[..colon], decoded[(colon + 1)..], remoteAddress);
    }
}
