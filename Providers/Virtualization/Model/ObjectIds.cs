using System.Diagnostics.CodeAnalysis;

namespace CimCloud.Providers.Virtualization.Model;

/// <summary>The InstanceID / DeviceID / Name formats of the model, and their parsers.</summary>
internal static class ObjectIds
{
    public const string Prefix = "CIMCLOUD:";
    public const string ProcessorPool = "ProcessorPool/0";
    public const string MemoryPool = "MemoryPool/0";
    public const string DiskPoolPrefix = "DiskPool/";
    public const string NetworkPoolPrefix = "NetworkPool/";
    public const string ManagementServiceName = "VirtualSystemManagementService";
    public const string PoolConfigurationServiceName = "ResourcePoolConfigurationService";
    public const string MetricServiceName = "MetricService";
    public const string ManagementCapabilities = Prefix + "VirtualSystemManagementCapabilities";

    public static string SystemSettings(string uuid) => Prefix + uuid;

    public static string ProcessorSettings(string uuid) => $"{Prefix}{uuid}/proc";

    public static string MemorySettings(string uuid) => $"{Prefix}{uuid}/mem";

    public static string DiskSettings(string uuid, string target) => $"{Prefix}{uuid}/disk/{target}";

    public static string NicSettings(string uuid, string mac) => $"{Prefix}{uuid}/nic/{mac}";

    public static string VmCapabilities(string uuid) => $"{Prefix}{uuid}/Capabilities";

    public static string DiskPool(string pool) => DiskPoolPrefix + pool;

    public static string NetworkPool(string network) => NetworkPoolPrefix + network;

    public static string PoolCapabilities(string poolId) => $"{Prefix}AllocationCapabilities/{poolId}";

    public static string Volume(string pool, string volume) => $"{pool}/{volume}";

    public static string SwitchPort(string mac) => $"port/{mac}";

    public static string Job(long number) => $"{Prefix}Job/{number}";

    public static string MetricDefinition(string metric) => Prefix + metric;

    public static string MetricValue(string uuid, string metric) => $"{Prefix}{uuid}/{metric}";

    /// <summary>The UUID of a VSSD InstanceID (<c>CIMCLOUD:uuid</c>).</summary>
    public static bool TryParseSystemSettings(string? instanceId, [NotNullWhen(true)] out string? uuid)
    {
        uuid = null;
        if (instanceId is null || !instanceId.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return false;
        var rest = instanceId[Prefix.Length..];
        if (rest.Length == 0 || rest.Contains('/', StringComparison.Ordinal))
            return false;
        uuid = rest.ToLowerInvariant();
        return true;
    }

    /// <summary>
    /// Splits a RASD InstanceID <c>CIMCLOUD:uuid/kind[/detail]</c>: kind is proc, mem, disk (detail = target)
    /// or nic (detail = MAC).
    /// </summary>
    public static bool TryParseResourceSettings(string? instanceId, [NotNullWhen(true)] out string? uuid, [NotNullWhen(true)] out string? kind,
        out string? detail)
    {
        uuid = kind = detail = null;
        if (instanceId is null || !instanceId.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return false;
        var parts = instanceId[Prefix.Length..].Split('/', 3);
        if (parts.Length < 2 || parts[0].Length == 0)
            return false;
        uuid = parts[0].ToLowerInvariant();
        kind = parts[1].ToLowerInvariant();
        detail = parts.Length == 3 ? parts[2] : null;
        return kind switch
        {
            "proc" or "mem" => detail is null,
            "disk" or "nic" => !string.IsNullOrEmpty(detail),
            _ => false,
        };
    }

    /// <summary>The storage pool name of a DiskPool InstanceID/PoolID.</summary>
    public static bool TryParseDiskPool(string? poolId, [NotNullWhen(true)] out string? pool) =>
        TryStrip(poolId, DiskPoolPrefix, out pool);

    public static bool TryParseNetworkPool(string? poolId, [NotNullWhen(true)] out string? network) =>
        TryStrip(poolId, NetworkPoolPrefix, out network);

    /// <summary>Pool and volume name of a volume DeviceID <c>pool/volume</c>.</summary>
    public static bool TryParseVolume(string? deviceId, [NotNullWhen(true)] out string? pool, [NotNullWhen(true)] out string? volume)
    {
        pool = volume = null;
        var slash = deviceId?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0 || slash == deviceId!.Length - 1)
            return false;
        pool = deviceId[..slash];
        volume = deviceId[(slash + 1)..];
        return true;
    }

    private static bool TryStrip(string? text, string prefix, [NotNullWhen(true)] out string? rest)
    {
        rest = null;
        if (text is null || !text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || text.Length == prefix.Length)
            return false;
        rest = text[prefix.Length..];
        return true;
    }
}
