using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;

namespace CimCloud.Providers.Interop;

/// <summary>Builds frozen instances of a class of the calling namespace from name/value pairs (values converted to the property types).</summary>
internal static class InteropInstanceBuilder
{
    public static CimInstance Build(ProviderContext context, string className, params (string Name, object? Value)[] values)
    {
        var cimClass = context.Schema.FindClass(className)
            ?? throw new CimException(CimStatusCode.InvalidClass, $"class {className} is not loaded in namespace {context.NamespaceName}");
        var instance = new CimInstance(cimClass, context.NamespaceName);
        foreach (var (name, value) in values)
        {
            var property = cimClass.Properties[name]
                ?? throw new InvalidOperationException($"class {className} has no property {name}");
            instance[name] = CimValueConverter.Convert(value, property.DataType);
        }

        return instance.Freeze();
    }
}
