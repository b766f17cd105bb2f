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
        if (TryParseCommon(contentType, out charset, out var recognised))
            return recognised;
        charset = null;
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
            return false;
        if (!parsed.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase))
            return false;
        var value = parsed.Charset;
        charset = value.HasValue ? value.Value!.Trim().Trim('"') : null;
        return true;
    }

    /// <summary>
    /// The forms clients send (<c>application/soap+xml</c>, optionally <c>;charset=TOKEN</c> with spaces around the
    /// semicolon), read without allocating more than the charset string. False when the text is anything else, which
    /// the full parser then reads.
    /// </summary>
    internal static bool TryParseCommon(string? contentType, out string? charset, out bool recognised)
    {
        charset = null;
        recognised = false;
        if (contentType is null)
            return false;
        var text = contentType.AsSpan().Trim();
        if (!text.StartsWith(MediaType, StringComparison.OrdinalIgnoreCase))
            return false;
        var rest = text[MediaType.Length..].TrimStart();
        if (rest.IsEmpty)
        {
            recognised = true;
            return true;
        }

        if (rest[0] != ';')
            return false;
        rest = rest[1..].TrimStart();
        const string Parameter = "charset=";
        if (!rest.StartsWith(Parameter, StringComparison.OrdinalIgnoreCase))
            return false;
        var value = rest[Parameter.Length..];
        if (value.IsEmpty)
            return false;
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
                return false;
        }

        charset = Known(value) ?? value.ToString();
        recognised = true;
        return true;
    }

    private static string? Known(ReadOnlySpan<char> value) =>
        value.SequenceEqual("UTF-8") ? "UTF-8" : value.SequenceEqual("utf-8") ? "utf-8" : value.SequenceEqual("UTF-16") ? "UTF-16" : null;
}
