namespace CimCloud.Cimom.Model;

/// <summary>
/// A qualifier value on a class, property, method or parameter. <see cref="Flavor"/> is the effective
/// flavor (declaration flavor with any flavors given at the usage applied). <see cref="IsPropagated"/>
/// is true when the value was inherited rather than specified on this element.
/// </summary>
public sealed record CimQualifier(string Name, CimDataType Type, object? Value, CimFlavor Flavor, bool IsPropagated = false)
{
    public bool PropagatesToSubclass => (Flavor & CimFlavor.Restricted) == 0;

    public bool CanBeOverridden => (Flavor & CimFlavor.DisableOverride) == 0;

    public CimQualifier AsPropagated() => IsPropagated ? this : this with { IsPropagated = true };

    public CimQualifier AsLocal() => IsPropagated ? this with { IsPropagated = false } : this;
}
