using System.Net;

namespace CimCloud.CimXmlEndpoint.Hosting;

/// <summary>A parsed listen URL: http(s)://address[:port] (default ports 5988 and 5989).</summary>
internal sealed record CimXmlListenUrl(bool IsHttps, IPAddress? Address, bool IsLocalhost, int Port)
{
    public static CimXmlListenUrl Parse(string text)
    {
        var t = text.Trim().TrimEnd('/').Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(t, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"CIM-XML listen URL '{text}' needs http:// or https://");
        if (uri.AbsolutePath is not ("/" or ""))
            throw new ArgumentException($"CIM-XML listen URL '{text}' must not have a path; the endpoint path is /cimom");
        var isHttps = uri.Scheme == "https";
        var explicitPort = t.LastIndexOf(':') > t.IndexOf("://", StringComparison.Ordinal) + 2 && !t.EndsWith(']');
        var port = explicitPort ? uri.Port : isHttps ? 5989 : 5988;
        var host = uri.Host.Trim('[', ']');
        if (host is "*" or "+" or "0.0.0.0")
            return new CimXmlListenUrl(isHttps, null, false, port);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return new CimXmlListenUrl(isHttps, port == 0 ? IPAddress.Loopback : null, port != 0, port);
        if (!IPAddress.TryParse(host, out var address))
            throw new ArgumentException($"CIM-XML listen URL '{text}': host '{host}' must be an IP address, localhost or *");
        return new CimXmlListenUrl(isHttps, address, false, port);
    }
}
