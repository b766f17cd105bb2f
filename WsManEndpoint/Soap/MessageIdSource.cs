using System.Security.Cryptography;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// Response MessageIDs (<c>uuid:</c> + an upper-case RFC 4122 version-4 layout) without asking the OS for randomness on
/// every response: 122 random bits drawn once per process, the low 64 of them XORed with a counter, so IDs never repeat
/// within a process and cannot be told apart from random ones across processes.
/// </summary>
internal static class MessageIdSource
{
    private static readonly ulong High = InitialHigh();
    private static readonly ulong Low = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
    private static long _counter;

    public static string Next()
    {
        var low = Low ^ (ulong)Interlocked.Increment(ref _counter);

        // RFC 4122 variant bits (10xx) in the top of the low half; the version nibble is fixed in the high half.
        low = (low & 0x3FFF_FFFF_FFFF_FFFFUL) | 0x8000_0000_0000_0000UL;
        return string.Create(41, (High, low), static (span, id) =>
        {
            "uuid:".CopyTo(span);
            var hex = span[5..];
            Hex(id.High >> 32, 8, hex);
            hex[8] = '-';
            Hex((id.High >> 16) & 0xFFFF, 4, hex[9..]);
            hex[13] = '-';
            Hex(id.High & 0xFFFF, 4, hex[14..]);
            hex[18] = '-';
            Hex(id.low >> 48, 4, hex[19..]);
            hex[23] = '-';
            Hex(id.low & 0xFFFF_FFFF_FFFFUL, 12, hex[24..]);
        });
    }

    private static ulong InitialHigh()
    {
        var high = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        return (high & 0xFFFF_FFFF_FFFF_0FFFUL) | 0x0000_0000_0000_4000UL;
    }

    private static void Hex(ulong value, int digits, Span<char> into)
    {
        for (var i = digits - 1; i >= 0; i--)
        {
            into[i] = "0123456789ABCDEF"[(int)(value & 0xF)];
            value >>= 4;
        }
    }
}
