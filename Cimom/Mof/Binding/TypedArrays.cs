using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Mof.Binding;

/// <summary>Builds the typed CLR array for a CIM array type from already-converted elements (no reflection per element).</summary>
internal static class TypedArrays
{
    public static Array From(CimType type, object?[] items) => type switch
    {
        CimType.Boolean => Fill<bool>(items),
        CimType.UInt8 => Fill<byte>(items),
        CimType.SInt8 => Fill<sbyte>(items),
        CimType.UInt16 => Fill<ushort>(items),
        CimType.SInt16 => Fill<short>(items),
        CimType.UInt32 => Fill<uint>(items),
        CimType.SInt32 => Fill<int>(items),
        CimType.UInt64 => Fill<ulong>(items),
        CimType.SInt64 => Fill<long>(items),
        CimType.Real32 => Fill<float>(items),
        CimType.Real64 => Fill<double>(items),
        CimType.Char16 => Fill<char>(items),
        CimType.String => Fill<string>(items),
        CimType.DateTime => Fill<CimDateTime>(items),
        CimType.Reference => Fill<CimObjectPath>(items),
        CimType.Instance => Fill<CimInstance>(items),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static T?[] Fill<T>(object?[] items)
    {
        var result = new T?[items.Length];
        for (var i = 0; i < items.Length; i++)
            result[i] = (T?)items[i];
        return result;
    }
}
