using System.Text;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>The character encoding of a response: the request's (UTF-8 or UTF-16), per the spec digest §1.</summary>
public enum ResponseEncoding
{
    Utf8,
    Utf16,
}

/// <summary>Encoding helpers for <see cref="ResponseEncoding"/>.</summary>
public static class ResponseEncodings
{
    public static string ContentType(this ResponseEncoding encoding) =>
        encoding == ResponseEncoding.Utf16 ? "application/soap+xml;charset=UTF-16" : "application/soap+xml;charset=UTF-8";

    /// <summary>Octets the text takes in this encoding (without a byte order mark).</summary>
    public static int ByteCount(this ResponseEncoding encoding, ReadOnlySpan<char> text) =>
        encoding == ResponseEncoding.Utf16 ? text.Length * 2 : Encoding.UTF8.GetByteCount(text);

    /// <summary>Octets of the byte order mark written before the envelope (UTF-16 only).</summary>
    public static int PreambleLength(this ResponseEncoding encoding) => encoding == ResponseEncoding.Utf16 ? 2 : 0;
}
