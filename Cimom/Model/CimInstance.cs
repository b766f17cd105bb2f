namespace CimCloud.Cimom.Model;

/// <summary>
/// An instance of a resolved class. Values live in a slot array laid out by the class (no per-instance
/// dictionary). Instances handed out by the repository are frozen; <see cref="Clone"/> gives a
/// writable copy.
/// </summary>
public sealed class CimInstance
{
    private readonly object?[] _values;
    private CimObjectPath? _path;

    // Property-list projection: null = every property included; otherwise one flag per slot. Masks are
    // shared between the instances of one projection and never written in place (copy on write).
    private bool[]? _included;

    /// <summary>A new instance with every property at its class default.</summary>
    public CimInstance(CimClass cimClass, string? @namespace = null)
    {
        ArgumentNullException.ThrowIfNull(cimClass);
        Class = cimClass;
        Namespace = @namespace is null ? null : CimObjectPath.NormalizeNamespace(@namespace);
        _values = new object?[cimClass.Properties.Count];
        for (var i = 0; i < _values.Length; i++)
            _values[i] = cimClass.Properties[i].DefaultValue;
    }

    private CimInstance(CimClass cimClass, string? @namespace, object?[] values, bool[]? included = null)
    {
        Class = cimClass;
        Namespace = @namespace;
        _values = values;
        _included = included;
    }

    public CimClass Class { get; }

    public string ClassName => Class.Name;

    public string? Namespace { get; }

    public bool IsReadOnly { get; private set; }

    public object? this[string propertyName]
    {
        get => GetValue(Ordinal(propertyName));
        set => SetValue(Ordinal(propertyName), value);
    }

    /// <summary>The slot's value; null for a property a projection left out.</summary>
    public object? GetValue(int ordinal) => IsIncluded(ordinal) ? _values[ordinal] : null;

    public object? GetValue(string propertyName) => GetValue(Ordinal(propertyName));

    /// <summary>The slot's value even when a projection leaves the property out (keys of a projected view).</summary>
    internal object? GetSlotValue(int ordinal) => _values[ordinal];

    /// <summary>Sets a slot. The value must already have the CLR type of the property (see CimValueConverter).</summary>
    public void SetValue(int ordinal, object? value)
    {
        if (IsReadOnly)
            throw new InvalidOperationException($"instance of {Class.Name} is read-only; Clone() it first");
        var property = Class.Properties[ordinal];
        CimValueChecks.EnsureAssignable(property, value);
        _values[ordinal] = value;
        _path = null;
        if (_included is not null && !_included[ordinal])
        {
            var included = (bool[])_included.Clone();
            included[ordinal] = true;
            _included = included;
        }
    }

    public void SetValue(string propertyName, object? value) => SetValue(Ordinal(propertyName), value);

    /// <summary>Each property of the class with this instance's value (only the included ones of a projection).</summary>
    public IEnumerable<(CimProperty Property, object? Value)> Properties
    {
        get
        {
            for (var i = 0; i < _values.Length; i++)
            {
                if (IsIncluded(i))
                    yield return (Class.Properties[i], _values[i]);
            }
        }
    }

    /// <summary>True when a property list projection leaves out some properties.</summary>
    public bool IsProjected => _included is not null;

    /// <summary>The property at <paramref name="ordinal"/> is part of this instance (always, unless projected).</summary>
    public bool IsIncluded(int ordinal) => _included is null || _included[ordinal];

    public bool IsIncluded(string propertyName)
    {
        var i = Class.Properties.IndexOf(propertyName);
        return i >= 0 && IsIncluded(i);
    }

    /// <summary>
    /// A frozen view holding only the named properties (DSP0200 PropertyList; names not in the class are
    /// ignored; null keeps every property). The path (keys) is unaffected. Shares values with a frozen source.
    /// </summary>
    public CimInstance Project(IReadOnlyCollection<string>? propertyNames)
    {
        if (propertyNames is null)
            return ProjectWithMask(null);
        var mask = new bool[_values.Length];
        foreach (var name in propertyNames)
        {
            var i = Class.Properties.IndexOf(name);
            if (i >= 0)
                mask[i] = true;
        }

        return ProjectWithMask(mask);
    }

    /// <summary>Projection with a precomputed mask (one flag per slot), shared and never modified by the caller.</summary>
    internal CimInstance ProjectWithMask(bool[]? included)
    {
        if (included is not null && included.Length != _values.Length)
            throw new ArgumentException($"mask has {included.Length} flags; class {Class.Name} has {_values.Length} properties", nameof(included));
        var mask = Combine(_included, included);
        if (IsReadOnly && ReferenceEquals(mask, _included))
            return this;
        var values = IsReadOnly ? _values : (object?[])_values.Clone();
        return new CimInstance(Class, Namespace, values, mask) { IsReadOnly = true, _path = IsReadOnly ? _path : null };
    }

    private static bool[]? Combine(bool[]? current, bool[]? added)
    {
        if (current is null)
            return added;
        if (added is null)
            return current;
        var result = new bool[current.Length];
        for (var i = 0; i < result.Length; i++)
            result[i] = current[i] && added[i];
        return result;
    }

    /// <summary>The instance path (namespace, class, keys). Throws when a key has no value.</summary>
    public CimObjectPath Path => _path ??= BuildPath();

    public bool TryGetPath(out CimObjectPath? path, out string error)
    {
        foreach (var key in Class.KeyProperties)
        {
            if (_values[key.Ordinal] is null)
            {
                path = null;
                error = $"key property {key.Name} of {Class.Name} has no value";
                return false;
            }
        }

        path = Path;
        error = string.Empty;
        return true;
    }

    /// <summary>Makes the instance immutable (the repository freezes what it stores).</summary>
    public CimInstance Freeze()
    {
        IsReadOnly = true;
        return this;
    }

    public CimInstance Clone() => new(Class, Namespace, (object?[])_values.Clone(), _included);

    public CimInstance WithNamespace(string? @namespace) =>
        new(Class, @namespace is null ? null : CimObjectPath.NormalizeNamespace(@namespace), (object?[])_values.Clone(), _included);

    private CimObjectPath BuildPath()
    {
        var keys = new CimKeyBinding[Class.KeyProperties.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = Class.KeyProperties[i];
            var value = _values[key.Ordinal]
                ?? throw new CimException(CimStatusCode.InvalidParameter, $"key property {key.Name} of {Class.Name} has no value");
            keys[i] = new CimKeyBinding(key.Name, value, key.CimType);
        }

        return new CimObjectPath(null, Namespace, Class.Name, keys);
    }

    private int Ordinal(string propertyName)
    {
        var i = Class.Properties.IndexOf(propertyName);
        return i >= 0 ? i : throw new CimException(CimStatusCode.NoSuchProperty, $"class {Class.Name} has no property {propertyName}");
    }

    public override string ToString() => _path?.ToString() ?? $"instance of {Class.Name}";
}
