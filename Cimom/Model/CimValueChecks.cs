namespace CimCloud.Cimom.Model;

/// <summary>Checks that a CLR value fits a declared CIM type (exact CLR types; conversion is CimValueConverter's job).</summary>
public static class CimValueChecks
{
    public static bool IsAssignable(CimDataType type, object? value)
    {
        if (value is null)
            return true;
        var clr = CimTypeInfo.ClrType(type.Type);
        if (type.IsArray)
        {
            if (value is not Array array || array.GetType().GetElementType() is not { } et)
                return false;
            return et == clr || (et == typeof(object) && array.Cast<object?>().All(e => e is null || clr.IsInstanceOfType(e)));
        }

        return clr.IsInstanceOfType(value);
    }

    public static void EnsureAssignable(CimProperty property, object? value)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (!IsAssignable(property.DataType, value))
        {
            throw new CimException(CimStatusCode.TypeMismatch,
                $"value of type {value!.GetType().Name} does not fit property {property.Name} ({property.DataType})");
        }
    }
}
