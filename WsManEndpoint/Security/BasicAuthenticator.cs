using System.Collections.Concurrent;
using System.Text;
using CimCloud.Cimom.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CimCloud.WsManEndpoint.Security;

/// <summary>
/// HTTP Basic authentication against an <see cref="ICimCredentialVerifier"/> (RFC 7617). Over plain HTTP, Basic is only offered
/// and accepted when <c>AllowUnencrypted</c> is set (WinRM's rule).
/// </summary>
public sealed class BasicAuthenticator(ICimCredentialVerifier users, bool allowUnencrypted, string realm)
{
    // Authorization values that verified, so a client's every request does not decode and compare again. The user
    // list is fixed for the server's lifetime; the cache is bounded and simply emptied when full.
    private const int CacheLimit = 1024;
    private readonly ConcurrentDictionary<string, CimPrincipal> _verified = new(StringComparer.Ordinal);

    /// <summary>The value of <c>WWW-Authenticate</c> for a 401 challenge.</summary>
    public string Challenge { get; } = $"Basic realm=\"{realm}\"";

    /// <summary>Basic is enabled on this connection (HTTPS, or plain HTTP with AllowUnencrypted).</summary>
    public bool IsEnabled(bool isHttps) => isHttps || allowUnencrypted;

    /// <summary>The authenticated user, or null (no, malformed or wrong credentials, or Basic disabled here).</summary>
    public CimPrincipal? Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsEnabled(request.IsHttps))
            return null;
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        if (_verified.TryGetValue(header, out var known))
            return known;
        var user = Verify(header, request.HttpContext.Connection.RemoteIpAddress?.ToString());
        if (user is not null)
        {
            if (_verified.Count >= CacheLimit)
                _verified.Clear();
            _verified[header] = user;
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
