using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace CimCloud.Providers.Hosts;

/// <summary>
/// A 48-bit Ethernet MAC address. Parses <c>52:54:00:12:34:56</c>, <c>52-54-00-12-34-56</c> and
/// <c>525400123456</c> (any case); <see cref="ToString"/> is the host form (lower-case, colons) and
/// <see cref="ToCimPermanentAddress"/> the CIM NetworkPort form (12 upper-case hex digits).
/// </summary>
public readonly record struct MacAddress
{
    private readonly ulong _value;

    private MacAddress(ulong value) => _value = value;

    /// <summary>The locally administered prefix QEMU/KVM guests use.</summary>
    public const string KvmPrefix = "52:54:00";

    public static bool TryParse([NotNullWhen(true)] string? text, out MacAddress address)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var t = text.Trim();
        string hex;
        if (t.Length == 17)
        {
            var separator = t[2];
            if (separator is not (':' or '-'))
                return false;
            for (var i = 2; i < 17; i += 3)
            {
                if (t[i] != separator)
                    return false;
            }

            hex = string.Concat(t.Split(separator));
        }
        else if (t.Length == 12)
        {
            hex = t;
        }
        else
        {
            return false;
        }

        if (hex.Length != 12 || !ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            return false;
        address = new MacAddress(value);
        return true;
    }

    public static MacAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not a MAC address (six hex octets)");

    /// <summary>A random address under <see cref="KvmPrefix"/>.</summary>
    public static MacAddress NewKvm()
    {
        Span<byte> tail = stackalloc byte[3];
        RandomNumberGenerator.Fill(tail);
        return new MacAddress(0x525400000000UL | ((ulong)tail[0] << 16) | ((ulong)tail[1] << 8) | tail[2]);
    }

    /// <summary>Lower-case, colon separated (the host model's form).</summary>
    public override string ToString()
    {
        var v = _value;
        return string.Create(17, v, static (span, value) =>
        {
            for (var i = 0; i < 6; i++)
            {
                var octet = (byte)(value >> (8 * (5 - i)));
                octet.TryFormat(span[(i * 3)..], out _, "x2", CultureInfo.InvariantCulture);
                if (i < 5)
                    span[(i * 3) + 2] = ':';
            }
        });
    }

    /// <summary>Twelve upper-case hex digits, no separators (CIM_NetworkPort.PermanentAddress).</summary>
    public string ToCimPermanentAddress() => _value.ToString("X12", CultureInfo.InvariantCulture);
}
