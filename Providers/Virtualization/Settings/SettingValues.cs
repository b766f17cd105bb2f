using System.Globalization;
using CimCloud.Cimom.Model;

namespace CimCloud.Providers.Virtualization.Settings;

/// <summary>Reads properties of a client's embedded instance whatever its class declares (absent = null).</summary>
internal static class SettingValues
{
    public static object? Get(CimInstance instance, string name)
    {
        var i = instance.Class.Properties.IndexOf(name);
        return i < 0 ? null : instance.GetValue(i);
    }

    public static string? String(CimInstance instance, string name) => Get(instance, name) switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    public static string[] Strings(CimInstance instance, string name) => Get(instance, name) switch
    {
        string[] a => [.. a.Where(s => !string.IsNullOrEmpty(s))],
        string s when s.Length > 0 => [s],
        _ => [],
    };

    /// <summary>
    /// The units of VirtualQuantity: VirtualQuantityUnits, unless absent or its schema default "count" / "count(fixed size block)" (clients
    /// written for DSP1041 1.0 set only AllocationUnits), then AllocationUnits.
    /// </summary>
    public static string? QuantityUnits(CimInstance rasd) => String(rasd, "VirtualQuantityUnits") switch
    {
        null => String(rasd, "AllocationUnits"),
        var u when u.StartsWith("count", StringComparison.OrdinalIgnoreCase) => String(rasd, "AllocationUnits") ?? u,
        var u => u,
    };

    public static ulong? Unsigned(CimInstance instance, string name)
    {
        var value = Get(instance, name);
        if (value is null)
            return null;
        try
        {
            return value switch
            {
                string s => ulong.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture),
                IConvertible c => c.ToUInt64(CultureInfo.InvariantCulture),
                _ => throw new InvalidSettingsException($"{instance.ClassName}.{name} is not a number"),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw new InvalidSettingsException($"{instance.ClassName}.{name} = '{value}' is not a non-negative integer", e);
        }
    }
}
