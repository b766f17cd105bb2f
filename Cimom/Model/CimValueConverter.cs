using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Numerics;

namespace CimCloud.Cimom.Model;

/// <summary>
/// The one place where values are converted to the canonical CLR representation of a CIM type
/// (<see cref="CimTypeInfo.ClrType"/>; arrays as typed arrays such as <c>ushort[]</c>) and to and from
/// the text forms used on the wire (WS-Man, CIM-XML).
/// </summary>
/// <remarks>
/// Errors are <see cref="CimException"/>s: <see cref="CimStatusCode.InvalidParameter"/> for values of a
/// convertible kind that are out of range or badly written, <see cref="CimStatusCode.TypeMismatch"/> for
/// values of a kind that cannot become the target type (a real for an integer, a number for a string, ...).
/// </remarks>
public static class CimValueConverter
{
    private static readonly SearchValues<char> DecimalDigits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// Converts <paramref name="value"/> to the canonical CLR representation of <paramref name="type"/>.
    /// Accepts the target CLR type as is (arrays of the right element type are returned without copying);
    /// any CLR integer (including <see cref="Int128"/>, <see cref="UInt128"/>, <see cref="BigInteger"/>) for
    /// integer and real targets, range-checked; <see cref="float"/>, <see cref="double"/>, <see cref="decimal"/>,
    /// <see cref="Half"/> for real targets; strings in their text form (<see cref="FromText"/>) for every
    /// target except <see cref="CimType.Instance"/>; <see cref="DateTimeOffset"/>, <see cref="TimeSpan"/> and
    /// <see cref="DateTime"/> (unspecified kind is taken as UTC) for datetime; a <see cref="CimInstance"/>'s
    /// path for references; any non-string <see cref="IEnumerable"/> of convertible elements for arrays.
    /// Null converts to null; null array elements are kept for string, datetime, reference and instance
    /// arrays and rejected for the others.
    /// </summary>
    public static object? Convert(object? value, CimDataType type)
    {
        if (value is null)
            return null;
        if (type.IsArray)
            return ConvertArray(value, type);
        if (value is IEnumerable and not string)
        {
            throw new CimException(CimStatusCode.TypeMismatch,
                $"an array ({value.GetType().Name}) cannot be converted to scalar type {TypeName(type.Type)}");
        }

        return ConvertScalar(value, type.Type);
    }

    /// <summary>
    /// Parses the wire text form of a scalar of <paramref name="elementType"/> (its array flag is ignored):
    /// integers in decimal or <c>0x</c> hex with an optional sign; reals in invariant culture plus
    /// <c>INF</c>, <c>-INF</c>, <c>NaN</c> (and <c>Infinity</c>); booleans <c>true</c>/<c>false</c> in any case
    /// (and the XML Schema forms <c>1</c>/<c>0</c>); char16 a single UTF-16 character; datetime via
    /// <see cref="CimDateTime.Parse"/>; strings as is; references via <see cref="CimObjectPath.Parse"/>.
    /// Leading and trailing white space is ignored for numbers, booleans and datetimes.
    /// Throws <see cref="CimException"/> (<see cref="CimStatusCode.InvalidParameter"/>) quoting the text and the type.
    /// </summary>
    public static object? FromText(string text, CimDataType elementType)
    {
        ArgumentNullException.ThrowIfNull(text);
        var type = elementType.Type;
        switch (type)
        {
            case CimType.String:
                return text;
            case CimType.Char16:
                return text.Length == 1 ? text[0] : throw Invalid(text, type, "a char16 value is exactly one character");
            case CimType.Boolean:
            {
                var t = text.Trim();
                if (t.Equals("true", StringComparison.OrdinalIgnoreCase) || t == "1")
                    return true;
                if (t.Equals("false", StringComparison.OrdinalIgnoreCase) || t == "0")
                    return false;
                throw Invalid(text, type, "expected true or false");
            }

            case CimType.Real32:
            case CimType.Real64:
                return ParseReal(text, type);
            case CimType.DateTime:
                return CimDateTime.TryParse(text.Trim(), out var dt, out var dtError) ? dt : throw Invalid(text, type, dtError);
            case CimType.Reference:
                return CimObjectPath.TryParse(text, out var path, out var pathError) ? path : throw Invalid(text, type, pathError);
            case CimType.Instance:
                throw new CimException(CimStatusCode.InvalidParameter,
                    $"'{text}' cannot be converted to an embedded instance; embedded instances are not read from text here");
            default:
                if (!CimTypeInfo.IsInteger(type))
                    throw new ArgumentOutOfRangeException(nameof(elementType), elementType, "unknown CIM type");
                return ParseInteger(text, type);
        }
    }

    /// <summary>
    /// The wire text form of a scalar (the inverse of <see cref="FromText"/>): invariant culture, reals
    /// round-trip (<c>"R"</c>; <c>INF</c>, <c>-INF</c>, <c>NaN</c>), booleans <c>true</c>/<c>false</c>,
    /// datetimes their text, references <see cref="CimObjectPath.ToString"/>.
    /// </summary>
    public static string ToText(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            char c => c.ToString(),
            float f => float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : SpecialReal(f),
            double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : SpecialReal(d),
            byte or sbyte or ushort or short or uint or int or ulong or long => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
            CimDateTime dt => dt.Text,
            CimObjectPath p => p.ToString(),
            _ => throw new ArgumentException($"a value of type {value.GetType().Name} has no CIM text form (only scalars do)", nameof(value)),
        };
    }

    private static string SpecialReal(double d) => double.IsNaN(d) ? "NaN" : d > 0 ? "INF" : "-INF";

    private static Array ConvertArray(object value, CimDataType type)
    {
        var elementType = type.Type;
        var clr = CimTypeInfo.ClrType(elementType);
        if (value is Array existing && existing.GetType().GetElementType() == clr && existing.Rank == 1)
            return existing;
        if (value is string or not IEnumerable)
        {
            throw new CimException(CimStatusCode.TypeMismatch,
                $"a {value.GetType().Name} value cannot be converted to array type {TypeName(elementType)}[]; an array or list is needed");
        }

        var items = new List<object?>();
        foreach (var item in (IEnumerable)value)
            items.Add(item);

        var nullable = !clr.IsValueType;
        var result = Array.CreateInstance(clr, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                if (!nullable)
                {
                    throw new CimException(CimStatusCode.InvalidParameter,
                        $"element [{i}] is null; a {TypeName(elementType)}[] array cannot hold null elements");
                }

                continue;
            }

            try
            {
                result.SetValue(Convert(item, CimDataType.Scalar(elementType)), i);
            }
            catch (CimException ex)
            {
                throw new CimException(ex.StatusCode, $"element [{i}]: {ex.Message}", ex);
            }
        }

        return result;
    }

    private static object ConvertScalar(object value, CimType type)
    {
        if (value.GetType() == CimTypeInfo.ClrType(type))
            return value;

        switch (type)
        {
            case CimType.Boolean:
                return value is string bs ? FromText(bs, CimDataType.Scalar(type))! : throw Mismatch(value, type);
            case CimType.Real32:
            case CimType.Real64:
                return ConvertToReal(value, type);
            case CimType.Char16:
                return value is string cs ? FromText(cs, CimDataType.Scalar(type))! : throw Mismatch(value, type);
            case CimType.String:
                return value is char c ? c.ToString() : throw Mismatch(value, type);
            case CimType.DateTime:
                return value switch
                {
                    string s => FromText(s, CimDataType.Scalar(type))!,
                    DateTimeOffset dto => CimDateTime.FromDateTimeOffset(dto),
                    DateTime dt => CimDateTime.FromDateTimeOffset(dt.Kind == DateTimeKind.Unspecified
                        ? new DateTimeOffset(dt, TimeSpan.Zero)
                        : new DateTimeOffset(dt)),
                    TimeSpan ts when ts >= TimeSpan.Zero => CimDateTime.FromTimeSpan(ts),
                    TimeSpan ts => throw new CimException(CimStatusCode.InvalidParameter, $"interval {ts} is negative; CIM datetime intervals cannot be"),
                    _ => throw Mismatch(value, type),
                };
            case CimType.Reference:
                return value switch
                {
                    string s => FromText(s, CimDataType.Scalar(type))!,
                    CimInstance instance => instance.Path,
                    _ => throw Mismatch(value, type),
                };
            case CimType.Instance:
                throw Mismatch(value, type);
            default:
                return ConvertToInteger(value, type);
        }
    }

    private static object ConvertToInteger(object value, CimType type)
    {
        if (value is string s)
            return FromText(s, CimDataType.Scalar(type))!;
        if (value is float or double or decimal or Half)
        {
            throw new CimException(CimStatusCode.TypeMismatch,
                $"real value {Format(value)} cannot be converted to integer type {TypeName(type)}");
        }

        if (!TryGetInteger(value, out var number, out var outOfAnyRange))
            throw Mismatch(value, type);
        var (min, max) = CimTypeInfo.IntegerRange(type);
        if (outOfAnyRange || number < min || number > max)
            throw OutOfRange(Format(value), type);
        return BoxInteger(number, type);
    }

    private static object ConvertToReal(object value, CimType type)
    {
        if (value is string s)
            return FromText(s, CimDataType.Scalar(type))!;
        double d;
        switch (value)
        {
            case float f:
                d = f;
                break;
            case double dd:
                d = dd;
                break;
            case decimal m:
                d = (double)m;
                break;
            case Half h:
                d = (double)h;
                break;
            case BigInteger big:
                d = (double)big;
                break;
            case UInt128 u128:
                d = (double)u128;
                break;
            default:
                if (!TryGetInteger(value, out var number, out _))
                    throw Mismatch(value, type);
                d = (double)number;
                break;
        }

        if (type == CimType.Real64)
        {
            return double.IsFinite(d) || value is float or double or Half ? d : throw OutOfRange(Format(value), type);
        }

        var single = (float)d;
        if (float.IsInfinity(single) && double.IsFinite(d))
            throw OutOfRange(Format(value), type);
        return single;
    }

    /// <summary>Any CLR integer as Int128; <paramref name="outOfRange"/> when it is an integer beyond Int128.</summary>
    private static bool TryGetInteger(object value, out Int128 number, out bool outOfRange)
    {
        outOfRange = false;
        switch (value)
        {
            case byte v:
                number = v;
                return true;
            case sbyte v:
                number = v;
                return true;
            case ushort v:
                number = v;
                return true;
            case short v:
                number = v;
                return true;
            case uint v:
                number = v;
                return true;
            case int v:
                number = v;
                return true;
            case ulong v:
                number = v;
                return true;
            case long v:
                number = v;
                return true;
            case nint v:
                number = v;
                return true;
            case nuint v:
                number = v;
                return true;
            case Int128 v:
                number = v;
                return true;
            case UInt128 v:
                outOfRange = v > (UInt128)Int128.MaxValue;
                number = outOfRange ? Int128.MaxValue : (Int128)v;
                return true;
            case BigInteger v:
                outOfRange = v < (BigInteger)Int128.MinValue || v > (BigInteger)Int128.MaxValue;
                number = outOfRange ? Int128.MaxValue : (Int128)v;
                return true;
            default:
                number = 0;
                return false;
        }
    }

    private static object BoxInteger(Int128 n, CimType type) => type switch
    {
        CimType.UInt8 => (byte)n,
        CimType.SInt8 => (sbyte)n,
        CimType.UInt16 => (ushort)n,
        CimType.SInt16 => (short)n,
        CimType.UInt32 => (uint)n,
        CimType.SInt32 => (int)n,
        CimType.UInt64 => (ulong)n,
        CimType.SInt64 => (long)n,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an integer type"),
    };

    private static object ParseInteger(string text, CimType type)
    {
        var t = text.Trim();
        var span = t.AsSpan();
        var negative = false;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        var isHex = span.Length > 2 && span[0] == '0' && span[1] is 'x' or 'X';
        var digits = isHex ? span[2..] : span;
        var magnitude = BigInteger.Zero;
        var ok = digits.Length > 0 && digits.IndexOfAnyExcept(isHex ? HexDigits : DecimalDigits) < 0 && (isHex
            ? BigInteger.TryParse("0" + digits.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude)
            : BigInteger.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude));
        if (!ok)
            throw Invalid(text, type, "expected a decimal or 0x hexadecimal integer");
        var number = negative ? -magnitude : magnitude;
        var range = CimTypeInfo.IntegerRange(type);
        if (number < range.Min || number > range.Max)
            throw OutOfRange(t, type);
        return BoxInteger((Int128)number, type);
    }

    private static object ParseReal(string text, CimType type)
    {
        var t = text.Trim();
        double d;
        if (t.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            d = double.NaN;
        }
        else if (IsInfinity(t, out var negative))
        {
            d = negative ? double.NegativeInfinity : double.PositiveInfinity;
        }
        else
        {
            if (t.Length == 0 || !char.IsAsciiDigit(t[^1]) ||
                !double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out d))
                throw Invalid(text, type, "expected a real number such as 1.5, -2e10, INF or NaN");
            if (double.IsInfinity(d))
                throw OutOfRange(t, type);
        }

        if (type == CimType.Real64)
            return d;
        var f = (float)d;
        if (float.IsInfinity(f) && double.IsFinite(d))
            throw OutOfRange(t, type);
        return f;
    }

    private static bool IsInfinity(string t, out bool negative)
    {
        negative = t.StartsWith('-');
        var body = t.Length > 0 && t[0] is '+' or '-' ? t[1..] : t;
        return body.Equals("INF", StringComparison.OrdinalIgnoreCase) || body.Equals("Infinity", StringComparison.OrdinalIgnoreCase);
    }

    private static string Format(object value) =>
        value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? string.Empty;

    private static string TypeName(CimType type) => type switch
    {
        CimType.Reference => "reference",
        CimType.Instance => "instance",
        _ => CimTypeInfo.ToMofName(type),
    };

    private static CimException OutOfRange(string value, CimType type) =>
        new(CimStatusCode.InvalidParameter, $"value {value} is out of range for {TypeName(type)}");

    private static CimException Invalid(string text, CimType type, string reason) =>
        new(CimStatusCode.InvalidParameter, $"'{text}' is not a valid {TypeName(type)} value: {reason}");

    private static CimException Mismatch(object value, CimType type) =>
        new(CimStatusCode.TypeMismatch, $"a {value.GetType().Name} value cannot be converted to {TypeName(type)}");
}
