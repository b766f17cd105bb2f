using System.Buffers;
using System.Text;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>A response envelope encoded into a pooled byte array (with a BOM for UTF-16). Dispose returns the array.</summary>
public sealed class EncodedEnvelope : IDisposable
{
    private byte[] _bytes;

    private EncodedEnvelope(byte[] bytes, int length, ResponseEncoding encoding)
    {
        _bytes = bytes;
        Length = length;
        Encoding = encoding;
    }

    public int Length { get; }

    public ResponseEncoding Encoding { get; }

    public ReadOnlyMemory<byte> Bytes => _bytes.AsMemory(0, Length);

    public static EncodedEnvelope Encode(ReadOnlySpan<char> text, ResponseEncoding encoding)
    {
        if (encoding == ResponseEncoding.Utf16)
        {
            var length = 2 + (text.Length * 2);
            var bytes = ArrayPool<byte>.Shared.Rent(length);
            bytes[0] = 0xFF;
            bytes[1] = 0xFE;
            System.Text.Encoding.Unicode.GetBytes(text, bytes.AsSpan(2));
            return new EncodedEnvelope(bytes, length, encoding);
        }

        var count = System.Text.Encoding.UTF8.GetByteCount(text);
        var utf8 = ArrayPool<byte>.Shared.Rent(Math.Max(count, 1));
        System.Text.Encoding.UTF8.GetBytes(text, utf8);
        return new EncodedEnvelope(utf8, count, encoding);
    }

    public override string ToString() =>
        Encoding == ResponseEncoding.Utf16
            ? System.Text.Encoding.Unicode.GetString(_bytes, 2, Length - 2)
            : new UTF8Encoding(false).GetString(_bytes, 0, Length);

    public void Dispose()
    {
        if (_bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
        }
    }
}
