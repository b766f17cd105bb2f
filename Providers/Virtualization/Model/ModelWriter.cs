using CimCloud.Cimom.Model;
using CimCloud.Cimom.Schema;

namespace CimCloud.Providers.Virtualization.Model;

/// <summary>
/// Builds frozen instances into a <see cref="VirtualizationModel"/>. Classes the schema lacks are skipped
/// (the instance is not served), and so are properties a class lacks, so the model works over our own
/// MOF subset and over the full DMTF schema alike. Values are converted to the declared types.
/// </summary>
internal sealed class ModelWriter(CimSchema schema, string @namespace)
{
    public VirtualizationModel Model { get; } = new();

    public CimInstance? Add(string className, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        if (schema.FindClass(className) is not { } cimClass || cimClass.IsAbstract)
            return null;
        var instance = new CimInstance(cimClass, @namespace);
        foreach (var (name, value) in values)
        {
            if (value is null)
                continue;
            var i = cimClass.Properties.IndexOf(name);
            if (i < 0)
                continue;
            instance.SetValue(i, CimValueConverter.Convert(value, cimClass.Properties[i].DataType));
        }

        if (!instance.TryGetPath(out _, out _))
            return null;
        instance.Freeze();
        Model.Add(instance);
        return instance;
    }

    /// <summary>An association instance between two paths (skipped when either is null).</summary>
    public void Associate(string className, string role1, CimObjectPath? end1, string role2, CimObjectPath? end2,
        params ReadOnlySpan<(string Name, object? Value)> extra)
    {
        if (end1 is null || end2 is null)
            return;
        Span<(string, object?)> values = new (string, object?)[2 + extra.Length];
        values[0] = (role1, end1);
        values[1] = (role2, end2);
        extra.CopyTo(values[2..]);
        Add(className, values);
    }
}
