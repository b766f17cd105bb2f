using CimCloud.Cimom.Operations;
using CimCloud.CimXmlEndpoint.Xml;

namespace CimCloud.CimXmlEndpoint.Operations;

internal sealed partial class IntrinsicOperations
{
    private void RegisterClassOperations()
    {
        Add("GetClass", ["ClassName", "LocalOnly", "IncludeQualifiers", "IncludeClassOrigin", "PropertyList"], async (call, p) =>
        {
            var cimClass = await _operations.GetClassAsync(call.Operation, call.Namespace, p.RequiredClassName("ClassName"), ClassOptions(p),
                call.Cancellation);
            return OperationResult.Return(w => w.WriteClass(cimClass));
        });
        Add("EnumerateClasses", ["ClassName", "DeepInheritance", "LocalOnly", "IncludeQualifiers", "IncludeClassOrigin"], (call, p) =>
            OperationResult.StreamAsync(
                _operations.EnumerateClassesAsync(call.Operation, call.Namespace, p.ClassName("ClassName"), p.Bool("DeepInheritance", false),
                    ClassOptions(p), call.Cancellation),
                (w, c) => w.WriteClass(c), call.Cancellation));
        Add("EnumerateClassNames", ["ClassName", "DeepInheritance"], (call, p) =>
            OperationResult.StreamAsync(
                _operations.EnumerateClassNamesAsync(call.Operation, call.Namespace, p.ClassName("ClassName"), p.Bool("DeepInheritance", false),
                    call.Cancellation),
                (w, name) => w.WriteClassName(name), call.Cancellation));
        Add("CreateClass", ["NewClass"], async (call, p) =>
        {
            await _operations.CreateClassAsync(call.Operation, call.Namespace, CimXmlReader.Class(p.RequiredContent("NewClass")), call.Cancellation);
            return OperationResult.Empty;
        });
        Add("ModifyClass", ["ModifiedClass"], async (call, p) =>
        {
            await _operations.ModifyClassAsync(call.Operation, call.Namespace, CimXmlReader.Class(p.RequiredContent("ModifiedClass")), call.Cancellation);
            return OperationResult.Empty;
        });
        Add("DeleteClass", ["ClassName"], async (call, p) =>
        {
            await _operations.DeleteClassAsync(call.Operation, call.Namespace, p.RequiredClassName("ClassName"), call.Cancellation);
            return OperationResult.Empty;
        });
    }

    /// <summary>DSP0200 defaults: LocalOnly true, IncludeQualifiers true, IncludeClassOrigin false.</summary>
    private static GetClassOptions ClassOptions(ParameterSet p) => new()
    {
        LocalOnly = p.Bool("LocalOnly", true),
        IncludeQualifiers = p.Bool("IncludeQualifiers", true),
        IncludeClassOrigin = p.Bool("IncludeClassOrigin", false),
        PropertyList = p.PropertyList(),
    };
}
