using CimCloud.Cimom.Model;
using CimCloud.Providers.Virtualization.Settings;

namespace CimCloud.Providers.Virtualization.Management;

/// <summary>Typed access to a method's in-parameters (already converted by the core to the declared types).</summary>
internal static class MethodParameters
{
    public static CimInstance? Instance(IReadOnlyDictionary<string, object?> p, string name) => p.GetValueOrDefault(name) as CimInstance;

    public static CimInstance RequiredInstance(IReadOnlyDictionary<string, object?> p, string name, string what) =>
        Instance(p, name) ?? throw new InvalidSettingsException($"{name} ({what}) is missing");

    public static IReadOnlyList<CimInstance> Instances(IReadOnlyDictionary<string, object?> p, string name) => p.GetValueOrDefault(name) switch
    {
        CimInstance one => [one],
        CimInstance?[] many => [.. many.OfType<CimInstance>()],
        _ => [],
    };

    public static CimObjectPath? Reference(IReadOnlyDictionary<string, object?> p, string name) => p.GetValueOrDefault(name) as CimObjectPath;

    public static IReadOnlyList<CimObjectPath> References(IReadOnlyDictionary<string, object?> p, string name) => p.GetValueOrDefault(name) switch
    {
        CimObjectPath one => [one],
        CimObjectPath?[] many => [.. many.OfType<CimObjectPath>()],
        _ => [],
    };
}
