using System.Collections.Concurrent;
using System.Text;
using CimCloud.Cimom.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CimCloud.CimXmlEndpoint.Transport;

/// <summary>HTTP Basic through the host's <see cref="ICimCredentialVerifier"/>; verified headers are cached (bounded).</summary>
internal sealed class BasicAuthentication(ICimCredentialVerifier verifier, string realm)
{
    private const int CacheLimit = 1024;
    private readonly ConcurrentDictionary<string, CimPrincipal> _verified = new(StringComparer.Ordinal);

    public string Challenge { get; } = $"Basic realm=\"{realm}\"";

    public CimPrincipal? Authenticate(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        if (_verified.TryGetValue(header, out var known))
            return known;
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
        var principal = verifier.Verify(decoded[..colon], decoded[(colon + 1)..], request.HttpContext.Connection.RemoteIpAddress?.ToString());
        if (principal is not null)
        {
            if (_verified.Count >= CacheLimit)
                _verified.Clear();
            _verified[header] = principal;
        }

        return principal;
    }
}
