using CimCloud.Cimom.Model;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Repository;

/// <summary>
/// The one place a client's instance path is checked against its class: every key present, no other
/// names, each value converted to the key's declared type (<see cref="CimValueConverter"/>), names spelled
/// as declared. Lookups then compare canonical forms.
/// </summary>
public static class InstancePathNormalizer
{
    /// <summary>
    /// The path with typed keys, declared names and the class's own spelling. The namespace is
    /// <paramref name="namespace"/> when given, else the path's. With <paramref name="schema"/>, reference
    /// keys that name a known class are normalized too. Throws CimException (InvalidParameter) naming the key.
    /// </summary>
    public static CimObjectPath Normalize(CimClass cimClass, CimObjectPath path, string? @namespace = null, CimSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(cimClass);
        ArgumentNullException.ThrowIfNull(path);
        var keys = cimClass.KeyProperties;
        if (keys.Count == 0)
            throw new CimException(CimStatusCode.InvalidParameter, $"class {cimClass.Name} has no key properties, so its instances have no path");

        var bindings = new CimKeyBinding?[keys.Count];
        foreach (var binding in path.KeyBindings)
        {
            var slot = KeySlot(keys, binding.Name);
            if (slot < 0)
            {
                throw new CimException(CimStatusCode.InvalidParameter,
                    $"{binding.Name} is not a key property of class {cimClass.Name} (keys: {string.Join(", ", keys.Select(k => k.Name))})");
            }

            var key = keys[slot];
            if (bindings[slot] is not null)
                throw new CimException(CimStatusCode.InvalidParameter, $"key property {key.Name} of class {cimClass.Name} is given twice");
            var value = ConvertKey(cimClass, key, binding.Value, schema, @namespace ?? path.Namespace);
            bindings[slot] = new CimKeyBinding(key.Name, value, key.CimType);
        }

        for (var i = 0; i < bindings.Length; i++)
        {
            if (bindings[i] is null)
                throw new CimException(CimStatusCode.InvalidParameter, $"key property {keys[i].Name} of class {cimClass.Name} is missing from path {path}");
        }

        return new CimObjectPath(path.Host, @namespace ?? path.Namespace, cimClass.Name, bindings!);
    }

    /// <summary>
    /// Normalizes a reference value that points into <paramref name="namespace"/> at a known class: typed
    /// keys, declared names, no host, and the namespace spelled out (a reference without one means the
    /// namespace of the instance holding it), so that one object has one reference form. Other references
    /// (another namespace, unknown class, bad keys) are returned unchanged.
    /// </summary>
    public static CimObjectPath NormalizeReference(CimSchema schema, string @namespace, CimObjectPath reference)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Namespace is not null && !string.Equals(reference.Namespace, @namespace, StringComparison.OrdinalIgnoreCase))
            return reference;
        var cls = schema.FindClass(reference.ClassName);
        if (cls is null || !cls.IsKeyed)
            return reference;
        try
        {
            var normalized = Normalize(cls, reference, @namespace, schema);
            return normalized.Host is null ? normalized : normalized.WithHost(null);
        }
        catch (CimException)
        {
            return reference;
        }
    }

    /// <summary>A normalized path re-addressed to a subclass (keys are inherited, so they carry over).</summary>
    public static CimObjectPath WithClass(CimObjectPath normalized, CimClass cimClass)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(cimClass);
        return string.Equals(normalized.ClassName, cimClass.Name, StringComparison.Ordinal)
            ? normalized
            : new CimObjectPath(normalized.Host, normalized.Namespace, cimClass.Name, normalized.KeyBindings);
    }

    private static int KeySlot(IReadOnlyList<CimProperty> keys, string name)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.Equals(keys[i].Name, name, StringComparison.OrdinalIgnoreCase))
                return i;
        }

        return -1;
    }

    private static object ConvertKey(CimClass cimClass, CimProperty key, object? raw, CimSchema? schema, string? @namespace)
    {
        object? value;
        try
        {
            value = CimValueConverter.Convert(raw, key.DataType);
        }
        catch (CimException e)
        {
            throw new CimException(e.StatusCode, $"key property {key.Name} of class {cimClass.Name}: {e.Message}", e);
        }

        if (value is CimObjectPath reference && schema is not null && @namespace is not null)
            value = NormalizeReference(schema, @namespace, reference);
        return value ?? throw new CimException(CimStatusCode.InvalidParameter, $"key property {key.Name} of class {cimClass.Name} has no value");
    }
}
