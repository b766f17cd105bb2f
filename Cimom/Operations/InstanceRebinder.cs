using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Operations;

/// <summary>
/// Copies an instance built against another definition of its class (an older snapshot, another
/// namespace) onto the current class, by property name, converting values (keys and included properties; a property the class no longer
/// has must be null).
/// </summary>
internal static class InstanceRebinder
{
    public static CimInstance Rebind(CimInstance instance, CimClass current)
    {
        var copy = new CimInstance(current, instance.Namespace);
        var properties = instance.Class.Properties;
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (!property.IsKey && !instance.IsIncluded(i))
                continue;
            var value = instance.GetSlotValue(i);
            var target = current.Properties.Find(property.Name);
            if (target is null)
            {
                if (value is null)
                    continue;
                throw new CimException(CimStatusCode.NoSuchProperty, $"class {current.Name} no longer has property {property.Name}");
            }

            copy.SetValue(target.Ordinal, CimValueConverter.Convert(value, target.DataType));
        }

        return copy;
    }
}
