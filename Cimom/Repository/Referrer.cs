using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Repository;

/// <summary>An association instance (class and store key) that refers to an object through <see cref="Role"/>.</summary>
internal readonly record struct Referrer(string ClassName, object InstanceKey, string Role)
{
    public bool Equals(Referrer other) =>
        string.Equals(ClassName, other.ClassName, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Role, other.Role, StringComparison.OrdinalIgnoreCase)
        && CimValueComparer.Instance.Equals(InstanceKey, other.InstanceKey);

    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(ClassName), StringComparer.OrdinalIgnoreCase.GetHashCode(Role),
            CimValueComparer.Instance.GetHashCode(InstanceKey));
}
