using System.Globalization;

namespace CimCloud.Providers.Virtualization.Settings;

/// <summary>
/// Byte multipliers of allocation units: DSP0004 programmatic units (<c>byte</c>, <c>byte*2^20</c>,
/// <c>byte*10^6</c>) and the older words clients send (<c>Bytes</c>, <c>KiloBytes</c>, <c>MegaBytes</c>, <c>GigaBytes</c>, <c>KB</c>, <c>MB</c>, <c>GB</c>).
/// </summary>
internal static class AllocationUnits
{
    public static ulong BytesPerUnit(string? units, ulong defaultMultiplier)
    {
        if (string.IsNullOrWhiteSpace(units))
            return defaultMultiplier;
        var u = units.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        switch (u)
        {
            case "byte" or "bytes" or "b":
                return 1;
            case "kilobytes" or "kb" or "kib":
                return 1UL << 10;
            case "megabytes" or "mb" or "mib":
                return 1UL << 20;
            case "gigabytes" or "gb" or "gib":
                return 1UL << 30;
            case "terabytes" or "tb" or "tib":
                return 1UL << 40;
        }

        if (u.StartsWith("byte*2^", StringComparison.Ordinal) && int.TryParse(u.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var p2)
            && p2 is >= 0 and < 63)
        {
            return 1UL << p2;
        }

        if (u.StartsWith("byte*10^", StringComparison.Ordinal) && int.TryParse(u.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var p10)
            && p10 is >= 0 and <= 18)
        {
            var m = 1UL;
            for (var i = 0; i < p10; i++)
                m *= 10;
            return m;
        }

        throw new InvalidSettingsException($"allocation units '{units}' are not byte units (e.g. byte, byte*2^20, MegaBytes)");
    }

    public static ulong ToBytes(ulong quantity, string? units, ulong defaultMultiplier)
    {
        var multiplier = BytesPerUnit(units, defaultMultiplier);
        try
        {
            return checked(quantity * multiplier);
        }
        catch (OverflowException e)
        {
            throw new InvalidSettingsException($"{quantity} x {units} is more bytes than a 64-bit count holds", e);
        }
    }
}
