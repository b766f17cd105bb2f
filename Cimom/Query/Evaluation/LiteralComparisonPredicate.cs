using System.Numerics;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Query.Syntax;

namespace CimCloud.Cimom.Query.Evaluation;

/// <summary>
/// <c>prop op literal</c>. The literal was converted at bind time to what <paramref name="kind"/> compares
/// (a <see cref="QueryNumber"/>, string, CimDateTime, bool or CimObjectPath). A NULL value is unknown. For an
/// array property the comparison holds when it holds for any (non-null) element; the binder turns
/// <c>array &lt;&gt; x</c> into <c>NOT (array = x)</c>.
/// </summary>
internal sealed class LiteralComparisonPredicate : QueryPredicate
{
    private readonly int _slot;
    private readonly ComparisonOperator _op;
    private readonly object _literal;
    private readonly QueryNumber _number;
    private readonly QueryValueKind _kind;
    private readonly StringComparison _comparison;

    public LiteralComparisonPredicate(int slot, ComparisonOperator op, object literal, QueryValueKind kind, StringComparison comparison)
    {
        _slot = slot;
        _op = op;
        _literal = literal;
        _kind = kind;
        _comparison = comparison;
        if (kind == QueryValueKind.Numeric && !QueryNumber.TryFrom(literal, out _number))
            throw new ArgumentException("a numeric comparison needs a numeric literal", nameof(literal));
    }

    public override QueryTruth Evaluate(CimInstance instance, int[] ordinals)
    {
        var value = ValueOf(instance, ordinals, _slot);
        return value switch
        {
            null => QueryTruth.Unknown,
            Array array => Truth(AnyElement(array)),
            _ when _kind == QueryValueKind.Numeric => QueryNumber.TryFrom(value, out var n) ? Test(QueryNumber.Compare(n, _number)) : QueryTruth.Unknown,
            _ => Test(QueryValues.Compare(value, _literal, _kind, _comparison)),
        };
    }

    private QueryTruth Test(int? sign) => sign is { } s ? Truth(QueryValues.Holds(_op, s)) : QueryTruth.Unknown;

    private bool AnyElement(Array array)
    {
        switch (array)
        {
            case object?[] items:
                foreach (var item in items)
                {
                    if (item is not null && Test(QueryValues.Compare(item, _literal, _kind, _comparison)) == QueryTruth.True)
                        return true;
                }

                return false;
            case char[] chars:
                foreach (var c in chars)
                {
                    if (_literal is string s && QueryValues.Holds(_op, QueryValues.Sign(new ReadOnlySpan<char>(in c).CompareTo(s, _comparison))))
                        return true;
                }

                return false;
            case bool[] flags:
                return _literal is bool b && Array.IndexOf(flags, _op == ComparisonOperator.Equal ? b : !b) >= 0;
            case byte[] a: return AnyNumber(a);
            case sbyte[] a: return AnyNumber(a);
            case ushort[] a: return AnyNumber(a);
            case short[] a: return AnyNumber(a);
            case uint[] a: return AnyNumber(a);
            case int[] a: return AnyNumber(a);
            case ulong[] a: return AnyNumber(a);
            case long[] a: return AnyNumber(a);
            case float[] a: return AnyNumber(a);
            case double[] a: return AnyNumber(a);
            default: return false;
        }
    }

    private bool AnyNumber<T>(T[] values)
        where T : struct, INumberBase<T>
    {
        foreach (var v in values)
        {
            if (QueryNumber.Compare(QueryNumber.From(v), _number) is { } s && QueryValues.Holds(_op, s))
                return true;
        }

        return false;
    }
}
