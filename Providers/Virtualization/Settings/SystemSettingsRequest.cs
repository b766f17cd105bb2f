using CimCloud.Cimom.Model;
using CimCloud.Providers.Virtualization.Model;

namespace CimCloud.Providers.Virtualization.Settings;

/// <summary>
/// What a client's embedded VSSD asks for: ElementName (the machine name), an optional UUID
/// (VirtualSystemIdentifier), a description (Notes[0] or Description) and autostart
/// (AutomaticStartupAction 3/4). <see cref="Uuid"/> from InstanceID identifies the machine for ModifySystemSettings.
/// </summary>
internal sealed record SystemSettingsRequest(string? InstanceUuid, string? Name, string? Uuid, string? Description, bool? AutoStart)
{
    public static SystemSettingsRequest Parse(CimInstance vssd)
    {
        string? instanceUuid = null;
        if (SettingValues.String(vssd, "InstanceID") is { } instanceId && !ObjectIds.TryParseSystemSettings(instanceId, out instanceUuid))
            instanceUuid = null;
        var name = SettingValues.String(vssd, "ElementName");
        if (name is not null && (name.Length > 64 || name.Any(c => char.IsControl(c) || c is '/' or '\\')))
            throw new InvalidSettingsException($"ElementName '{name}' is not a usable machine name (at most 64 characters, no control characters or slashes)");
        string? uuid = null;
        if (SettingValues.String(vssd, "VirtualSystemIdentifier") is { } identifier)
        {
            if (!Guid.TryParse(identifier, out var guid))
                throw new InvalidSettingsException($"VirtualSystemIdentifier '{identifier}' is not a UUID");
            uuid = guid.ToString("D");
        }

        var description = SettingValues.Strings(vssd, "Notes").FirstOrDefault() ?? SettingValues.String(vssd, "Description");
        bool? autoStart = SettingValues.Unsigned(vssd, "AutomaticStartupAction") switch
        {
            null => null,
            2 => false,
            3 or 4 => true,
            var other => throw new InvalidSettingsException($"AutomaticStartupAction {other} is not 2 (None), 3 (Restart if previously active) or 4 (Always startup)"),
        };
        return new SystemSettingsRequest(instanceUuid, name, uuid, description, autoStart);
    }
}
