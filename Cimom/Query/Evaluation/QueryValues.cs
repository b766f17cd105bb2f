using CimCloud.Cimom.Model;
using CimCloud.Cimom.Query.Syntax;

namespace CimCloud.Cimom.Query.Evaluation;

/// <summary>Scalar comparison shared by the predicates (no allocation).</summary>
internal static class QueryValues
{
    public static bool Holds(ComparisonOperator op, int sign) => op switch
    {
        ComparisonOperator.Equal => sign == 0,
        ComparisonOperator.NotEqual => sign != 0,
        ComparisonOperator.Less => sign < 0,
        ComparisonOperator.LessOrEqual => sign <= 0,
        ComparisonOperator.Greater => sign > 0,
        _ => sign >= 0,
    };

    /// <summary>The operator with its operands swapped (<c>5 &lt; x</c> is <c>x &gt; 5</c>).</summary>
    public static ComparisonOperator Flip(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        _ => op,
    };

    /// <summary>
    /// Sign of left - right for two non-null scalars of <paramref name="kind"/>; null (unknown) when they
    /// cannot be compared (unexpected CLR type, NaN, timestamp against interval). Boolean and reference
    /// give 0 or 1 (equality only).
    /// </summary>
    public static int? Compare(object left, object right, QueryValueKind kind, StringComparison comparison)
    {
        switch (kind)
        {
            case QueryValueKind.Numeric:
                return QueryNumber.TryFrom(left, out var a) && QueryNumber.TryFrom(right, out var b) ? QueryNumber.Compare(a, b) : null;
            case QueryValueKind.Text:
            {
                if (left is not (string or char) || right is not (string or char))
                    return null;
                char l = default, r = default;
                return Sign(TextOf(left, ref l).CompareTo(TextOf(right, ref r), comparison));
            }

            case QueryValueKind.DateTime:
                return left is CimDateTime x && right is CimDateTime y && x.IsInterval == y.IsInterval ? x.CompareTo(y) : null;
            case QueryValueKind.Boolean:
                return left is bool p && right is bool q ? (p == q ? 0 : 1) : null;
            case QueryValueKind.Reference:
                return left is CimObjectPath u && right is CimObjectPath v ? (PathsEqual(u, v) ? 0 : 1) : null;
            default:
                return null;
        }
    }

    public static int Sign(int value) => value < 0 ? -1 : value > 0 ? 1 : 0;

    /// <summary>
    /// Same class and keys (names case-insensitive, values by <see cref="CimValueComparer"/>); namespaces must
    /// agree only when both paths have one, and the host is ignored, so a literal <c>T_A.Id="1"</c> finds a
    /// stored <c>root/cimv2:T_A.Id="1"</c>.
    /// </summary>
    public static bool PathsEqual(CimObjectPath a, CimObjectPath b)
    {
        if (!string.Equals(a.ClassName, b.ClassName, StringComparison.OrdinalIgnoreCase))
            return false;
        if (a.Namespace is not null && b.Namespace is not null && !string.Equals(a.Namespace, b.Namespace, StringComparison.OrdinalIgnoreCase))
            return false;
        var keys = a.KeyBindings;
        var other = b.KeyBindings;
        if (keys.Count != other.Count)
            return false;
        for (var i = 0; i < keys.Count; i++)
        {
            if (!keys[i].Equals(other[i]))
                return false;
        }

        return true;
    }

    private static ReadOnlySpan<char> TextOf(object value, ref char scratch)
    {
        if (value is string s)
            return s;
        scratch = (char)value;
        return new ReadOnlySpan<char>(ref scratch);
    }
}
