namespace CimCloud.Cimom.Model;

/// <summary>Qualifier flavors (DSP0004): override and propagation rules, translatability.</summary>
[Flags]
public enum CimFlavor
{
    None = 0,
    EnableOverride = 1,
    DisableOverride = 2,
    ToSubclass = 4,
    Restricted = 8,
    Translatable = 16,
    /// <summary>Deprecated by DSP0004; stored, never acted on.</summary>
    ToInstance = 32,

    /// <summary>The flavor a declaration has when it names none: EnableOverride, ToSubclass.</summary>
    Default = EnableOverride | ToSubclass,
}
