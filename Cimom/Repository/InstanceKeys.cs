using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Repository;

/// <summary>
/// Store keys. An instance is stored under its typed key value (one key property) or an array of them
/// (several, in the class's key order), compared with <see cref="CimValueComparer"/> — the same
/// identity as the path's canonical form, without building a string per instance or per lookup: a
/// single string key costs nothing beyond the value the instance already holds.
/// </summary>
internal static class InstanceKeys
{
    public static IEqualityComparer<object> Comparer => CimValueComparer.Instance;

    /// <summary>The key of an instance; CimException(InvalidParameter) when a key has no value.</summary>
    public static object KeyOf(CimInstance instance)
    {
        var keys = instance.Class.KeyProperties;
        if (keys.Count == 1)
            return KeyValue(instance, keys[0]);
        var values = new object[keys.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = KeyValue(instance, keys[i]);
        return values;
    }

    /// <summary>The key of a normalized path of an instance of <paramref name="cimClass"/>; null when a key is missing.</summary>
    public static object? KeyOf(CimClass cimClass, CimObjectPath normalizedPath)
    {
        var keys = cimClass.KeyProperties;
        if (keys.Count == 0)
            return null;
        if (keys.Count == 1)
            return normalizedPath.FindKey(keys[0].Name)?.Value;
        var values = new object[keys.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (normalizedPath.FindKey(keys[i].Name)?.Value is not { } value)
                return null;
            values[i] = value;
        }

        return values;
    }

    /// <summary>The canonical form of a path without host and namespace (reverse index keys).</summary>
    public static string CanonicalKeyOf(CimObjectPath path) =>
        path.Host is null && path.Namespace is null ? path.CanonicalForm : path.WithoutHostAndNamespace().CanonicalForm;

    /// <summary>The instance's path, built fresh (not cached on the shared instance); CimException(InvalidParameter) when a key has no value.</summary>
    public static CimObjectPath PathOf(CimInstance instance, string? @namespace)
    {
        var cls = instance.Class;
        var keys = new CimKeyBinding[cls.KeyProperties.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = cls.KeyProperties[i];
            keys[i] = new CimKeyBinding(key.Name, KeyValue(instance, key), key.CimType);
        }

        return new CimObjectPath(null, @namespace, cls.Name, keys);
    }

    private static object KeyValue(CimInstance instance, CimProperty key) =>
        instance.GetSlotValue(key.Ordinal)
        ?? throw new CimException(CimStatusCode.InvalidParameter, $"key property {key.Name} of {instance.ClassName} has no value");
}
