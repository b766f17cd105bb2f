using System.Globalization;
using System.Net;

namespace CimCloud.WsManEndpoint.Hosting;

/// <summary>A parsed listen URL: scheme, address (null = every address; <see cref="IsLocalhost"/> = loopback) and port.</summary>
internal sealed record ListenUrl(bool IsHttps, IPAddress? Address, bool IsLocalhost, int Port, string Text)
{
    public static ListenUrl Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().TrimEnd('/');
        var schemeEnd = t.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
            throw new ArgumentException($"listen URL '{text}' needs http:// or https://");
        var scheme = t[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
            throw new ArgumentException($"listen URL '{text}': scheme {scheme} is not http or https");
        var isHttps = scheme == "https";
        var rest = t[(schemeEnd + 3)..];
        if (rest.Contains('/', StringComparison.Ordinal))
            throw new ArgumentException($"listen URL '{text}' must not have a path; the endpoint path is a separate setting");

        string host;
        string? portText = null;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
                throw new ArgumentException($"listen URL '{text}': unclosed IPv6 address");
            host = rest[1..close];
            if (close + 1 < rest.Length)
            {
                if (rest[close + 1] != ':')
                    throw new ArgumentException($"listen URL '{text}' is malformed");
                portText = rest[(close + 2)..];
            }
        }
        else
        {
            var colon = rest.LastIndexOf(':');
            host = colon < 0 ? rest : rest[..colon];
            portText = colon < 0 ? null : rest[(colon + 1)..];
        }

        var port = isHttps ? 5986 : 5985;
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
            throw new ArgumentException($"listen URL '{text}': '{portText}' is not a port number");

        if (host is "*" or "+" or "")
            return new ListenUrl(isHttps, null, false, port, t);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return new ListenUrl(isHttps, port == 0 ? IPAddress.Loopback : null, port != 0, port, t);
        if (!IPAddress.TryParse(host, out var address))
            throw new ArgumentException($"listen URL '{text}': host '{host}' must be an IP address, localhost or *");
        return new ListenUrl(isHttps, address, false, port, t);
    }
}
