namespace CimCloud.Providers.Interop;

/// <summary>The concrete classes the interop provider serves (declared in MofSchemas/mof/CimCloud/cimcloud_interop.mof).</summary>
public static class InteropClassNames
{
    public const string RegisteredProfile = "CIMCLOUD_RegisteredProfile";
    public const string ObjectManager = "CIMCLOUD_ObjectManager";
    public const string Namespace = "CIMCLOUD_Namespace";
    public const string NamespaceInManager = "CIMCLOUD_NamespaceInManager";
    public const string ElementConformsToProfile = "CIMCLOUD_ElementConformsToProfile";
    public const string ReferencedProfile = "CIMCLOUD_ReferencedProfile";

    public static IReadOnlyList<string> All { get; } =
        [RegisteredProfile, ObjectManager, Namespace, NamespaceInManager, ElementConformsToProfile, ReferencedProfile];
}
