namespace CimCloud.Cimom.Model;

/// <summary>One key property of an object path: name, typed value and its CIM type.</summary>
public sealed record CimKeyBinding(string Name, object Value, CimType Type)
{
    public bool Equals(CimKeyBinding? other) =>
        other is not null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase)
        && CimValueComparer.Instance.Equals(Value, other.Value);

    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Name), CimValueComparer.Instance.GetHashCode(Value));
}
