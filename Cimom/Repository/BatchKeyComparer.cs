using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Repository;

/// <summary>Compares (class name, store key) pairs: class names case-insensitively, keys as CIM values.</summary>
internal sealed class BatchKeyComparer : IEqualityComparer<(string ClassName, object Key)>
{
    public static BatchKeyComparer Instance { get; } = new();

    public bool Equals((string ClassName, object Key) x, (string ClassName, object Key) y) =>
        string.Equals(x.ClassName, y.ClassName, StringComparison.OrdinalIgnoreCase) && CimValueComparer.Instance.Equals(x.Key, y.Key);

    public int GetHashCode((string ClassName, object Key) obj) =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.ClassName), CimValueComparer.Instance.GetHashCode(obj.Key));
}
