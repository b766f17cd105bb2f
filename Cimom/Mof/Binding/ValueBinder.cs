using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Syntax;

namespace CimCloud.Cimom.Mof.Binding;

/// <summary>
/// Converts a MOF literal to the CLR value of a declared CIM type, checking type agreement and
/// integer ranges (DSP0004 9.1). Aliases and embedded instances are resolved through callbacks.
/// </summary>
internal sealed class ValueBinder(MofDiagnosticBag diagnostics)
{
    /// <summary>Resolves <c>$alias</c> to an instance (null when unknown; the callback reports).</summary>
    public Func<MofAliasValue, CimInstance?>? AliasResolver { get; init; }

    /// <summary>Parses the MOF text of an embedded instance (null on error; the callback reports).</summary>
    public Func<MofStringValue, string?, CimInstance?>? EmbeddedInstanceParser { get; init; }

    /// <summary>Binds a value; returns false (after reporting) when it does not fit.</summary>
    public bool TryBind(MofValue value, CimDataType type, string element, out object? result)
    {
        result = null;
        if (value is MofNullValue)
            return true;
        if (type.IsArray)
        {
            if (value is not MofArrayValue array)
            {
                diagnostics.Error(value.Location, $"{element} is an array ({type}); expected a brace list {{ ... }}, found {Describe(value)}");
                return false;
            }

            return TryBindArray(array, type, element, out result);
        }

        if (value is MofArrayValue)
        {
            diagnostics.Error(value.Location, $"{element} has scalar type {type}; a brace list is not allowed");
            return false;
        }

        return TryBindScalar(value, type, element, out result);
    }

    private bool TryBindArray(MofArrayValue array, CimDataType type, string element, out object? result)
    {
        var elementType = type.ElementType;
        var canHoldNull = !CimTypeInfo.ClrType(type.Type).IsValueType;
        var items = new object?[array.Items.Count];
        var ok = true;
        for (var i = 0; i < items.Length; i++)
        {
            var item = array.Items[i];
            if (item is MofNullValue)
            {
                if (!canHoldNull)
                {
                    diagnostics.Error(item.Location, $"{element}: an array of {CimTypeInfo.ToMofName(type.Type)} cannot hold null");
                    ok = false;
                }

                continue;
            }

            if (TryBindScalar(item, elementType, element, out var v) && v is not null)
                items[i] = v;
            else
                ok = false;
        }

        if (type.ArraySize is { } size && items.Length > size)
        {
            diagnostics.Error(array.Location, $"{element} holds at most {size} elements; {items.Length} given");
            ok = false;
        }

        result = ok ? TypedArrays.From(type.Type, items) : null;
        return ok;
    }

    private bool TryBindScalar(MofValue value, CimDataType type, string element, out object? result)
    {
        result = null;
        switch (type.Type)
        {
            case CimType.Boolean when value is MofBooleanValue b:
                result = b.Value;
                return true;
            case var t when CimTypeInfo.IsInteger(t) && value is MofIntegerValue i:
                return TryInteger(i, t, element, out result);
            case CimType.Real32 when value is MofRealValue or MofIntegerValue:
                result = (float)RealOf(value);
                return true;
            case CimType.Real64 when value is MofRealValue or MofIntegerValue:
                result = RealOf(value);
                return true;
            case CimType.Char16 when value is MofCharValue c:
                result = c.Value;
                return true;
            case CimType.String when value is MofStringValue s:
                result = s.Value;
                return true;
            case CimType.DateTime when value is MofStringValue s:
                if (CimDateTime.TryParse(s.Value, out var dt, out var error))
                {
                    result = dt;
                    return true;
                }

                diagnostics.Error(value.Location, $"{element}: {error}");
                return false;
            case CimType.Reference when value is MofAliasValue alias:
                if (AliasResolver?.Invoke(alias) is { } target)
                {
                    result = target.Path;
                    return true;
                }

                if (AliasResolver is null)
                    diagnostics.Error(value.Location, $"{element}: an alias (${alias.Name}) can only be used in instance declarations");
                return false;
            case CimType.Reference when value is MofStringValue s:
                if (CimObjectPath.TryParse(s.Value, out var path, out var pathError))
                {
                    result = path;
                    return true;
                }

                diagnostics.Error(value.Location, $"{element}: '{s.Value}' is not an object path: {pathError}");
                return false;
            case CimType.Instance when value is MofAliasValue alias:
                result = AliasResolver?.Invoke(alias);
                return result is not null;
            case CimType.Instance when value is MofStringValue s:
                if (EmbeddedInstanceParser is null)
                {
                    diagnostics.Error(value.Location, $"{element}: an embedded instance value can only be given in an instance declaration");
                    return false;
                }

                result = EmbeddedInstanceParser(s, type.ClassName);
                return result is not null;
            default:
                diagnostics.Error(value.Location, $"{element} has type {type}; found {Describe(value)}");
                return false;
        }
    }

    private bool TryInteger(MofIntegerValue i, CimType type, string element, out object? result)
    {
        var (min, max) = CimTypeInfo.IntegerRange(type);
        if (i.Value < min || i.Value > max)
        {
            diagnostics.Error(i.Location, $"{element}: value {i.Text} is out of range for {CimTypeInfo.ToMofName(type)} ({min}..{max})");
            result = null;
            return false;
        }

        result = type switch
        {
            CimType.UInt8 => (byte)i.Value,
            CimType.SInt8 => (sbyte)i.Value,
            CimType.UInt16 => (ushort)i.Value,
            CimType.SInt16 => (short)i.Value,
            CimType.UInt32 => (uint)i.Value,
            CimType.SInt32 => (int)i.Value,
            CimType.UInt64 => (ulong)i.Value,
            _ => (object)(long)i.Value,
        };
        return true;
    }

    private static double RealOf(MofValue value) => value is MofRealValue r ? r.Value : (double)((MofIntegerValue)value).Value;

    public static string Describe(MofValue value) => value switch
    {
        MofNullValue => "null",
        MofBooleanValue b => $"boolean {(b.Value ? "true" : "false")}",
        MofIntegerValue i => $"integer {i.Text}",
        MofRealValue r => $"real {r.Text}",
        MofStringValue s => $"string {CimValueFormatter.Format(s.Value.Length > 40 ? s.Value[..40] + "..." : s.Value)}",
        MofCharValue c => $"char16 {CimValueFormatter.Format(c.Value)}",
        MofAliasValue a => $"alias ${a.Name}",
        MofArrayValue => "a brace list",
        _ => value.GetType().Name,
    };
}
