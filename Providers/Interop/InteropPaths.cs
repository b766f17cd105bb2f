using CimCloud.Cimom.Model;

namespace CimCloud.Providers.Interop;

/// <summary>Object paths (with namespace) of the interop instances.</summary>
public static class InteropPaths
{
    public static CimObjectPath RegisteredProfile(InteropOptions options, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.InteropNamespace, InteropClassNames.RegisteredProfile, [Key("InstanceID", instanceId)]);
    }

    public static CimObjectPath ObjectManager(InteropOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.InteropNamespace, InteropClassNames.ObjectManager,
        [
            Key("SystemCreationClassName", options.SystemCreationClassName),
            Key("SystemName", options.SystemName),
            Key("CreationClassName", InteropClassNames.ObjectManager),
            Key("Name", options.ObjectManagerName),
        ]);
    }

    private static CimKeyBinding Key(string name, string value) => new(name, value, CimType.String);
}
