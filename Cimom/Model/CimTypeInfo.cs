namespace CimCloud.Cimom.Model;

/// <summary>Facts about <see cref="CimType"/>: MOF spelling, the .NET value type, integer ranges.</summary>
public static class CimTypeInfo
{
    private static readonly Dictionary<string, CimType> ByMofName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["boolean"] = CimType.Boolean,
        ["uint8"] = CimType.UInt8,
        ["sint8"] = CimType.SInt8,
        ["uint16"] = CimType.UInt16,
        ["sint16"] = CimType.SInt16,
        ["uint32"] = CimType.UInt32,
        ["sint32"] = CimType.SInt32,
        ["uint64"] = CimType.UInt64,
        ["sint64"] = CimType.SInt64,
        ["real32"] = CimType.Real32,
        ["real64"] = CimType.Real64,
        ["char16"] = CimType.Char16,
        ["string"] = CimType.String,
        ["datetime"] = CimType.DateTime,
    };

    /// <summary>Parses an intrinsic MOF type keyword (case-insensitive). REF and embedded types are not keywords.</summary>
    public static bool TryParseMofName(string name, out CimType type) => ByMofName.TryGetValue(name, out type);

    /// <summary>The MOF keyword for a type (<see cref="CimType.Instance"/> is written as <c>string</c>).</summary>
    public static string ToMofName(CimType type) => type switch
    {
        CimType.Boolean => "boolean",
        CimType.UInt8 => "uint8",
        CimType.SInt8 => "sint8",
        CimType.UInt16 => "uint16",
        CimType.SInt16 => "sint16",
        CimType.UInt32 => "uint32",
        CimType.SInt32 => "sint32",
        CimType.UInt64 => "uint64",
        CimType.SInt64 => "sint64",
        CimType.Real32 => "real32",
        CimType.Real64 => "real64",
        CimType.Char16 => "char16",
        CimType.String => "string",
        CimType.DateTime => "datetime",
        CimType.Reference => "ref",
        CimType.Instance => "string",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool IsInteger(CimType type) => type is >= CimType.UInt8 and <= CimType.SInt64;

    public static bool IsReal(CimType type) => type is CimType.Real32 or CimType.Real64;

    public static bool IsNumeric(CimType type) => IsInteger(type) || IsReal(type);

    /// <summary>Inclusive range of an integer type.</summary>
    public static (Int128 Min, Int128 Max) IntegerRange(CimType type) => type switch
    {
        CimType.UInt8 => (byte.MinValue, byte.MaxValue),
        CimType.SInt8 => (sbyte.MinValue, sbyte.MaxValue),
        CimType.UInt16 => (ushort.MinValue, ushort.MaxValue),
        CimType.SInt16 => (short.MinValue, short.MaxValue),
        CimType.UInt32 => (uint.MinValue, uint.MaxValue),
        CimType.SInt32 => (int.MinValue, int.MaxValue),
        CimType.UInt64 => (ulong.MinValue, ulong.MaxValue),
        CimType.SInt64 => (long.MinValue, long.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an integer type"),
    };

    /// <summary>The CLR type of a scalar value of this CIM type.</summary>
    public static Type ClrType(CimType type) => type switch
    {
        CimType.Boolean => typeof(bool),
        CimType.UInt8 => typeof(byte),
        CimType.SInt8 => typeof(sbyte),
        CimType.UInt16 => typeof(ushort),
        CimType.SInt16 => typeof(short),
        CimType.UInt32 => typeof(uint),
        CimType.SInt32 => typeof(int),
        CimType.UInt64 => typeof(ulong),
        CimType.SInt64 => typeof(long),
        CimType.Real32 => typeof(float),
        CimType.Real64 => typeof(double),
        CimType.Char16 => typeof(char),
        CimType.String => typeof(string),
        CimType.DateTime => typeof(CimDateTime),
        CimType.Reference => typeof(CimObjectPath),
        CimType.Instance => typeof(CimInstance),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
