using CimCloud.Cimom.Model;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Providers;

/// <summary>Whether a reference value points at a given object (same rules as the repository's reverse index).</summary>
internal static class ReferenceMatcher
{
    /// <summary>
    /// True when <paramref name="value"/> names the object at <paramref name="source"/> (normalized, an
    /// instance of <paramref name="sourceClass"/> in <paramref name="namespace"/>): same namespace (or
    /// none), a class the source is (a subclass of), equal keys.
    /// </summary>
    public static bool RefersTo(CimObjectPath value, CimObjectPath source, CimClass sourceClass, CimSchema schema, string @namespace)
    {
        if (value.Namespace is not null && !string.Equals(value.Namespace, @namespace, StringComparison.OrdinalIgnoreCase))
            return false;
        if (!sourceClass.IsSubclassOf(value.ClassName) || schema.FindClass(value.ClassName) is not { IsKeyed: true } valueClass)
            return false;
        CimObjectPath normalized;
        try
        {
            normalized = InstancePathNormalizer.Normalize(valueClass, value, @namespace, schema);
        }
        catch (CimException)
        {
            return false;
        }

        if (normalized.KeyBindings.Count != source.KeyBindings.Count)
            return false;
        for (var i = 0; i < normalized.KeyBindings.Count; i++)
        {
            if (!normalized.KeyBindings[i].Equals(source.KeyBindings[i]))
                return false;
        }

        return true;
    }

    /// <summary>The reference properties of <paramref name="association"/> that point at the source.</summary>
    public static IEnumerable<CimProperty> RolesOf(CimInstance association, CimObjectPath source, CimClass sourceClass, CimSchema schema,
        string @namespace)
    {
        foreach (var (property, value) in association.Properties)
        {
            if (property.DataType.IsReference && References(value, source, sourceClass, schema, @namespace))
                yield return property;
        }
    }

    private static bool References(object? value, CimObjectPath source, CimClass sourceClass, CimSchema schema, string @namespace) => value switch
    {
        CimObjectPath path => RefersTo(path, source, sourceClass, schema, @namespace),
        CimObjectPath?[] paths => Array.Exists(paths, p => p is not null && RefersTo(p, source, sourceClass, schema, @namespace)),
        _ => false,
    };
}
