using Microsoft.Net.Http.Headers;

namespace CimCloud.WsManEndpoint.Transport;

/// <summary>
/// The request media type: <c>application/soap+xml</c> compared case-insensitively, other parameters (such as
/// <c>action=</c>) ignored, the charset kept (null when absent, meaning UTF-8).
/// </summary>
internal static class SoapContentType
{
    public const string MediaType = "application/soap+xml";

    /// <summary>False for a missing or non-SOAP media type (the caller answers 415).</summary>
    public static bool TryParse(string? contentType, out string? charset)
    {
        charset = null;
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
            return false;
        if (!parsed.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase))
            return false;
        var value = parsed.Charset;
        charset = value.HasValue ? value.Value!.Trim().Trim('"') : null;
        return true;
    }
}
