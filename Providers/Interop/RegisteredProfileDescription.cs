namespace CimCloud.Providers.Interop;

/// <summary>
/// One CIM_RegisteredProfile: InstanceID (e.g. <c>CIM:DSP1042-SystemVirtualization-1.0.0</c>),
/// RegisteredName, RegisteredVersion, RegisteredOrganization (2 = DMTF) and the InstanceIDs of the
/// profiles it references (its component profiles; CIM_ReferencedProfile with this one as Dependent).
/// </summary>
public sealed record RegisteredProfileDescription(
    string InstanceId,
    string RegisteredName,
    string RegisteredVersion,
    ushort RegisteredOrganization,
    IReadOnlyList<string> ReferencedProfileIds);
