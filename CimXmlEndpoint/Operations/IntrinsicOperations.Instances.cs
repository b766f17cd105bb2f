using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.CimXmlEndpoint.Xml;

namespace CimCloud.CimXmlEndpoint.Operations;

internal sealed partial class IntrinsicOperations
{
    private void RegisterInstanceOperations()
    {
        // LocalOnly on instance operations is deprecated (DSP0200); it is accepted and ignored, as by most servers.
        Add("GetInstance", ["InstanceName", "LocalOnly", "IncludeQualifiers", "IncludeClassOrigin", "PropertyList"], async (call, p) =>
        {
            var instance = await _operations.GetInstanceAsync(call.Operation, p.RequiredInstanceName("InstanceName", call.Namespace),
                p.PropertyList(), call.Cancellation);
            var (q, o) = (p.Bool("IncludeQualifiers", false), p.Bool("IncludeClassOrigin", false));
            return OperationResult.Return(w => w.WriteInstance(instance, q, o));
        });
        Add("EnumerateInstances", ["ClassName", "LocalOnly", "DeepInheritance", "IncludeQualifiers", "IncludeClassOrigin", "PropertyList"], (call, p) =>
        {
            var options = new EnumerateInstancesOptions { DeepInheritance = p.Bool("DeepInheritance", true), PropertyList = p.PropertyList() };
            var (q, o) = (p.Bool("IncludeQualifiers", false), p.Bool("IncludeClassOrigin", false));
            return OperationResult.StreamAsync(
                _operations.EnumerateInstancesAsync(call.Operation, call.Namespace, p.RequiredClassName("ClassName"), options, call.Cancellation),
                (w, i) => WriteNamedInstance(w, i, q, o), call.Cancellation);
        });
        Add("EnumerateInstanceNames", ["ClassName"], (call, p) =>
            OperationResult.StreamAsync(
                _operations.EnumerateInstanceNamesAsync(call.Operation, call.Namespace, p.RequiredClassName("ClassName"), call.Cancellation),
                (w, path) => w.WriteInstanceName(path), call.Cancellation));
        Add("CreateInstance", ["NewInstance"], async (call, p) =>
        {
            var instance = CimXmlReader.Instance(p.RequiredContent("NewInstance"), Instances(call), out _);
            var path = await _operations.CreateInstanceAsync(call.Operation, instance, call.Cancellation);
            return OperationResult.Return(w => w.WriteInstanceName(path));
        });
        Add("ModifyInstance", ["ModifiedInstance", "IncludeQualifiers", "PropertyList"], async (call, p) =>
        {
            var named = p.RequiredContent("ModifiedInstance");
            if (named.Name.LocalName != "VALUE.NAMEDINSTANCE")
                throw CimXmlReader.Invalid($"ModifiedInstance holds {named.Name.LocalName}; expected VALUE.NAMEDINSTANCE");
            var name = CimXmlReader.InstanceName(named.Element("INSTANCENAME") ?? throw CimXmlReader.Invalid("VALUE.NAMEDINSTANCE has no INSTANCENAME"),
                call.Namespace, null);
            var instance = CimXmlReader.Instance(named.Element("INSTANCE") ?? throw CimXmlReader.Invalid("VALUE.NAMEDINSTANCE has no INSTANCE"),
                Instances(call), out var given);
            var keysFromName = FillKeys(instance, name);
            await _operations.ModifyInstanceAsync(call.Operation, instance.Project(given.Concat(keysFromName).ToArray()), p.PropertyList(), call.Cancellation);
            return OperationResult.Empty;
        });
        Add("DeleteInstance", ["InstanceName"], async (call, p) =>
        {
            await _operations.DeleteInstanceAsync(call.Operation, p.RequiredInstanceName("InstanceName", call.Namespace), call.Cancellation);
            return OperationResult.Empty;
        });
        Add("GetProperty", ["InstanceName", "PropertyName"], async (call, p) =>
        {
            var name = p.RequiredInstanceName("InstanceName", call.Namespace);
            var propertyName = p.RequiredString("PropertyName");
            var instance = await _operations.GetInstanceAsync(call.Operation, name, [propertyName], call.Cancellation);
            var property = instance.Class.Properties.Find(propertyName)
                ?? throw new CimException(CimStatusCode.NoSuchProperty, $"class {instance.ClassName} has no property {propertyName}");
            var value = instance.GetValue(property.Ordinal);
            return OperationResult.Return(w =>
            {
                if (value is not null)
                    w.WriteValue(value, property.DataType);
            });
        });
        Add("SetProperty", ["InstanceName", "PropertyName", "NewValue"], async (call, p) =>
        {
            var name = p.RequiredInstanceName("InstanceName", call.Namespace);
            var propertyName = p.RequiredString("PropertyName");
            var current = await _operations.GetInstanceAsync(call.Operation, name, null, call.Cancellation);
            var property = current.Class.Properties.Find(propertyName)
                ?? throw new CimException(CimStatusCode.NoSuchProperty, $"class {current.ClassName} has no property {propertyName}");
            var value = p.Content("NewValue") is { } v ? CimXmlReader.Value(v, property.DataType, Instances(call)) : null;
            var changed = current.Clone();
            changed.SetValue(property.Ordinal, value);
            await _operations.ModifyInstanceAsync(call.Operation, changed, [property.Name], call.Cancellation);
            return OperationResult.Empty;
        });
        Add("ExecQuery", ["QueryLanguage", "Query"], (call, p) =>
            OperationResult.StreamAsync(
                _operations.ExecQueryAsync(call.Operation, call.Namespace, p.RequiredString("QueryLanguage"), p.RequiredString("Query"), call.Cancellation),
                (w, i) => WriteObjectWithPath(w, i, false, false), call.Cancellation));
    }

    /// <summary>Key properties the INSTANCE left out take their values from the INSTANCENAME; returns their names.</summary>
    private static List<string> FillKeys(CimInstance instance, CimObjectPath name)
    {
        var filled = new List<string>();
        foreach (var key in instance.Class.KeyProperties)
        {
            if (instance.GetValue(key.Ordinal) is not null || name.FindKey(key.Name) is not { } binding)
                continue;
            instance.SetValue(key.Ordinal, CimValueConverter.Convert(binding.Value, key.DataType));
            filled.Add(key.Name);
        }

        return filled;
    }
}
