using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CimCloud.CimXmlEndpoint.Transport;

/// <summary>
/// The DSP0200 extension headers of one request. With M-POST they carry the <c>NN-</c> prefix that the
/// <c>Man: http://www.dmtf.org/cim/mapping/http/v1.0 ; ns=NN</c> header declared; values are URI-decoded.
/// </summary>
internal sealed partial class CimXmlHeaders
{
    public const string MappingUri = "http://www.dmtf.org/cim/mapping/http/v1.0";

    private readonly IHeaderDictionary _headers;

    private CimXmlHeaders(IHeaderDictionary headers, string prefix)
    {
        _headers = headers;
        Prefix = prefix;
    }

    /// <summary>"" for POST, "NN-" for M-POST.</summary>
    public string Prefix { get; }

    public static CimXmlHeaders From(HttpRequest request)
    {
        if (HttpMethods.Equals(request.Method, "POST"))
            return new CimXmlHeaders(request.Headers, string.Empty);
        var man = request.Headers["Man"].ToString();
        var match = ManHeader().Match(man);
        if (!match.Success || !string.Equals(match.Groups["uri"].Value.Trim('"'), MappingUri, StringComparison.OrdinalIgnoreCase))
            throw new CimXmlProtocolException(510, "request-not-valid", $"M-POST needs the header 'Man: \"{MappingUri}\"; ns=NN' (got '{man}')");
        return new CimXmlHeaders(request.Headers, match.Groups["ns"].Value + "-");
    }

    /// <summary>The URI-decoded value of a CIM header, or null when absent.</summary>
    public string? Get(string name)
    {
        var value = _headers[Prefix + name].ToString();
        if (value.Length == 0)
            return null;
        try
        {
            return Uri.UnescapeDataString(value.Trim());
        }
        catch (UriFormatException)
        {
            throw CimXmlProtocolException.HeaderMismatch($"header {name} is not URI-encoded correctly");
        }
    }

    [GeneratedRegex(@"^\s*(?<uri>""?[^"";\s]+""?)\s*;\s*ns\s*=\s*(?<ns>\d{2})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ManHeader();
}
