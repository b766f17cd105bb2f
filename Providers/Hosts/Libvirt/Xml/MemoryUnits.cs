using System.Globalization;

namespace CimCloud.Providers.Hosts.Libvirt.Xml;

/// <summary>libvirt's scaled-integer units (unit='KiB', 'M', 'bytes'...) to bytes; no unit means KiB.</summary>
internal static class MemoryUnits
{
    public static ulong ToBytes(string value, string? unit)
    {
        if (!ulong.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            throw new HostException(HostErrorKind.Failed, $"libvirt XML: '{value}' is not a size");
        return checked(amount * Multiplier(unit));
    }

    public static ulong ToKibibytesRoundedUp(ulong bytes) => (bytes / 1024) + (bytes % 1024 == 0 ? 0UL : 1UL);

    private static ulong Multiplier(string? unit) => (unit ?? "KiB").Trim().ToUpperInvariant() switch
    {
        "B" or "BYTES" => 1,
        "KB" => 1000,
        "K" or "KIB" => 1024,
        "MB" => 1000UL * 1000,
        "M" or "MIB" => 1024UL * 1024,
        "GB" => 1000UL * 1000 * 1000,
        "G" or "GIB" => 1024UL * 1024 * 1024,
        "TB" => 1000UL * 1000 * 1000 * 1000,
        "T" or "TIB" => 1024UL * 1024 * 1024 * 1024,
        var other => throw new HostException(HostErrorKind.Failed, $"libvirt XML: unknown size unit '{other}'"),
    };
}
