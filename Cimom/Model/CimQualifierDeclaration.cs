namespace CimCloud.Cimom.Model;

/// <summary>A qualifier type (MOF <c>Qualifier Name : type = default, Scope(...), Flavor(...);</c>).</summary>
public sealed record CimQualifierDeclaration(string Name, CimDataType Type, object? DefaultValue, CimScope Scope, CimFlavor Flavor)
{
    /// <summary>
    /// The flavor with DSP0004 defaults filled in: EnableOverride unless DisableOverride is given,
    /// ToSubclass unless Restricted is given.
    /// </summary>
    public CimFlavor EffectiveFlavor
    {
        get
        {
            var f = Flavor;
            if ((f & CimFlavor.DisableOverride) == 0)
                f |= CimFlavor.EnableOverride;
            if ((f & CimFlavor.Restricted) == 0)
                f |= CimFlavor.ToSubclass;
            return f;
        }
    }

    /// <summary>Same name, type, default, scope and effective flavor (what a harmless re-declaration must match).</summary>
    public bool IsEquivalentTo(CimQualifierDeclaration other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase)
            && Type.Equals(other.Type)
            && CimValueComparer.Instance.Equals(DefaultValue, other.DefaultValue)
            && Scope == other.Scope
            && EffectiveFlavor == other.EffectiveFlavor;
    }
}
