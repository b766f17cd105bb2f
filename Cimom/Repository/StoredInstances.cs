using CimCloud.Cimom.Model;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Repository;

/// <summary>Turns a client's or compiler's instance into the frozen copy the repository stores.</summary>
internal static class StoredInstances
{
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    /// <summary>
    /// Checks the class can have stored instances and every key is set; copies the keys and the included values
    /// (left-out ones take the class default), shares boxed booleans, normalizes reference values, sets the namespace and freezes.
    /// </summary>
    public static CimInstance Prepare(CimInstance source, CimSchema schema, string @namespace)
    {
        var cls = source.Class;
        if (cls.IsAbstract)
            throw new CimException(CimStatusCode.InvalidParameter, $"class {cls.Name} is abstract and cannot have instances");
        if (!cls.IsKeyed)
            throw new CimException(CimStatusCode.InvalidParameter, $"class {cls.Name} has no key properties, so its instances have no path");

        var copy = new CimInstance(cls, @namespace);
        for (var i = 0; i < cls.Properties.Count; i++)
        {
            if (!source.IsIncluded(i) && !cls.Properties[i].IsKey)
                continue;
            var value = source.GetSlotValue(i);
            if (value is bool flag)
                value = flag ? BoxedTrue : BoxedFalse;
            else if (value is not null && cls.Properties[i].DataType.IsReference)
                value = NormalizeReferences(value, schema, @namespace);
            copy.SetValue(i, value);
        }

        foreach (var key in cls.KeyProperties)
        {
            if (copy.GetValue(key.Ordinal) is null)
                throw new CimException(CimStatusCode.InvalidParameter, $"key property {key.Name} of {cls.Name} has no value");
        }

        return copy.Freeze();
    }

    private static object NormalizeReferences(object value, CimSchema schema, string @namespace)
    {
        switch (value)
        {
            case CimObjectPath path:
                return InstancePathNormalizer.NormalizeReference(schema, @namespace, path);
            case CimObjectPath?[] paths:
                var result = new CimObjectPath?[paths.Length];
                for (var i = 0; i < paths.Length; i++)
                    result[i] = paths[i] is { } p ? InstancePathNormalizer.NormalizeReference(schema, @namespace, p) : null;
                return result;
            default:
                return value;
        }
    }
}
