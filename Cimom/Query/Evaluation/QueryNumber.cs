using System.Numerics;

namespace CimCloud.Cimom.Query.Evaluation;

/// <summary>
/// A number as the query compares it: integers exactly (as <see cref="Int128"/>), reals as doubles. When
/// either side is a real32, both are compared at single precision, so <c>real32 = 0.1</c> finds 0.1f.
/// </summary>
internal readonly struct QueryNumber
{
    private readonly Int128 _integer;
    private readonly double _real;
    private readonly byte _kind; // 0 integer, 1 real64, 2 real32

    private QueryNumber(Int128 integer, double real, byte kind)
    {
        _integer = integer;
        _real = real;
        _kind = kind;
    }

    public bool IsReal => _kind != 0;

    public static QueryNumber Integer(Int128 value) => new(value, 0, 0);

    public static QueryNumber Real(double value) => new(0, value, 1);

    public static QueryNumber Single(float value) => new(0, value, 2);

    /// <summary>Any CLR integer, float, double or Int128; false for anything else.</summary>
    public static bool TryFrom(object? value, out QueryNumber number)
    {
        number = value switch
        {
            byte v => Integer(v),
            sbyte v => Integer(v),
            ushort v => Integer(v),
            short v => Integer(v),
            uint v => Integer(v),
            int v => Integer(v),
            ulong v => Integer(v),
            long v => Integer(v),
            Int128 v => Integer(v),
            float v => Single(v),
            double v => Real(v),
            _ => default,
        };
        return value is byte or sbyte or ushort or short or uint or int or ulong or long or Int128 or float or double;
    }

    /// <summary>An element of a numeric array, without boxing.</summary>
    public static QueryNumber From<T>(T value)
        where T : struct, INumberBase<T>
    {
        if (typeof(T) == typeof(float))
            return Single(float.CreateTruncating(value));
        if (typeof(T) == typeof(double))
            return Real(double.CreateTruncating(value));
        return Integer(Int128.CreateTruncating(value));
    }

    /// <summary>Sign of <paramref name="left"/> - <paramref name="right"/>; null when a NaN is involved.</summary>
    public static int? Compare(in QueryNumber left, in QueryNumber right)
    {
        if (!left.IsReal && !right.IsReal)
            return left._integer.CompareTo(right._integer);
        if (left._kind == 2 || right._kind == 2)
        {
            var x = left.AsSingle();
            var y = right.AsSingle();
            return float.IsNaN(x) || float.IsNaN(y) ? null : x.CompareTo(y);
        }

        var a = left.AsDouble();
        var b = right.AsDouble();
        return double.IsNaN(a) || double.IsNaN(b) ? null : a.CompareTo(b);
    }

    private double AsDouble() => _kind == 0 ? (double)_integer : _real;

    private float AsSingle() => _kind == 0 ? (float)_integer : (float)_real;
}
