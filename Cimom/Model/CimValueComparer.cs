using System.Collections;

namespace CimCloud.Cimom.Model;

/// <summary>
/// Equality of CIM values: null, scalars and arrays (element by element). Integers of different
/// CLR widths compare by numeric value; strings compare ordinally (CIM string values are case-sensitive).
/// </summary>
public sealed class CimValueComparer : IEqualityComparer<object?>
{
    public static CimValueComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
            return true;
        if (x is null || y is null)
            return false;
        if (x is string sx)
            return y is string sy && string.Equals(sx, sy, StringComparison.Ordinal);
        if (x is Array ax)
        {
            if (y is not Array ay || ax.Length != ay.Length)
                return false;
            for (var i = 0; i < ax.Length; i++)
            {
                if (!Equals(ax.GetValue(i), ay.GetValue(i)))
                    return false;
            }

            return true;
        }

        if (IsInteger(x) && IsInteger(y))
            return ToInt128(x) == ToInt128(y);
        return x.Equals(y);
    }

    public int GetHashCode(object? obj)
    {
        switch (obj)
        {
            case null:
                return 0;
            case string s:
                return StringComparer.Ordinal.GetHashCode(s);
            case Array a:
            {
                var h = new HashCode();
                foreach (var e in (IEnumerable)a)
                    h.Add(GetHashCode(e));
                return h.ToHashCode();
            }

            default:
                return IsInteger(obj) ? ToInt128(obj).GetHashCode() : obj.GetHashCode();
        }
    }

    internal static bool IsInteger(object o) => o is byte or sbyte or ushort or short or uint or int or ulong or long;

    internal static Int128 ToInt128(object o) => o switch
    {
        byte v => v,
        sbyte v => v,
        ushort v => v,
        short v => v,
        uint v => v,
        int v => v,
        ulong v => v,
        long v => v,
        _ => throw new ArgumentException("not an integer", nameof(o)),
    };
}
