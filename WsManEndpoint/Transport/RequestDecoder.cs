using System.Text;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Transport;

/// <summary>
/// Turns request bytes into text with strict decoders (invalid bytes → <c>wsman:EncodingLimit</c>/CharacterSet):
/// UTF-8 (the default; a BOM is skipped) or UTF-16 with or without a BOM (byte order from the BOM, else from where
/// the zero byte of the first character is). A UTF-16 BOM wins over a mislabelled charset. The response goes out in
/// the same encoding.
/// </summary>
internal static class RequestDecoder
{
    private static readonly UTF8Encoding Utf8 = new(false, true);
    private static readonly UnicodeEncoding Utf16Le = new(false, false, true);
    private static readonly UnicodeEncoding Utf16Be = new(true, false, true);

    /// <summary>The encoding a charset parameter asks for; null for one CimCloud does not speak.</summary>
    public static ResponseEncoding? EncodingOf(string? charset)
    {
        if (string.IsNullOrEmpty(charset))
            return ResponseEncoding.Utf8;
        return charset.ToUpperInvariant() switch
        {
            "UTF-8" or "UTF8" => ResponseEncoding.Utf8,
            "UTF-16" or "UTF16" or "UTF-16LE" or "UTF-16BE" or "UNICODE" => ResponseEncoding.Utf16,
            _ => null,
        };
    }

    public static string Decode(ReadOnlySpan<byte> body, ref ResponseEncoding encoding)
    {
        try
        {
            if (body.Length >= 2 && body[0] == 0xFF && body[1] == 0xFE)
            {
                encoding = ResponseEncoding.Utf16;
                return Utf16Le.GetString(body[2..]);
            }

            if (body.Length >= 2 && body[0] == 0xFE && body[1] == 0xFF)
            {
                encoding = ResponseEncoding.Utf16;
                return Utf16Be.GetString(body[2..]);
            }

            if (encoding == ResponseEncoding.Utf16)
            {
                if (body.Length % 2 != 0)
                    throw WsManFaults.EncodingLimit("CharacterSet", "the UTF-16 request has an odd number of octets");
                var bigEndian = body.Length >= 2 && body[0] == 0 && body[1] != 0;
                return (bigEndian ? Utf16Be : Utf16Le).GetString(body);
            }

            if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
                body = body[3..];
            return Utf8.GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw WsManFaults.EncodingLimit("CharacterSet", $"the request is not valid {(encoding == ResponseEncoding.Utf16 ? "UTF-16" : "UTF-8")}: {ex.Message}");
        }
    }
}
