using CimCloud.Cimom.Operations;

namespace CimCloud.CimXmlEndpoint.Operations;

internal sealed partial class IntrinsicOperations
{
    private void RegisterAssociationOperations()
    {
        Add("Associators", ["ObjectName", "AssocClass", "ResultClass", "Role", "ResultRole", "IncludeQualifiers", "IncludeClassOrigin", "PropertyList"],
            (call, p) =>
            {
                var (q, o) = (p.Bool("IncludeQualifiers", false), p.Bool("IncludeClassOrigin", false));
                return OperationResult.StreamAsync(
                    _operations.AssociatorsAsync(call.Operation, p.RequiredObjectName("ObjectName", call.Namespace), AssociatorOptions(p, p.PropertyList()),
                        call.Cancellation),
                    (w, i) => WriteObjectWithPath(w, i, q, o), call.Cancellation);
            });
        Add("AssociatorNames", ["ObjectName", "AssocClass", "ResultClass", "Role", "ResultRole"], (call, p) =>
            OperationResult.StreamAsync(
                _operations.AssociatorNamesAsync(call.Operation, p.RequiredObjectName("ObjectName", call.Namespace), AssociatorOptions(p, null),
                    call.Cancellation),
                WriteObjectPath, call.Cancellation));
        Add("References", ["ObjectName", "ResultClass", "Role", "IncludeQualifiers", "IncludeClassOrigin", "PropertyList"], (call, p) =>
        {
            var (q, o) = (p.Bool("IncludeQualifiers", false), p.Bool("IncludeClassOrigin", false));
            return OperationResult.StreamAsync(
                _operations.ReferencesAsync(call.Operation, p.RequiredObjectName("ObjectName", call.Namespace), ReferenceOptions(p, p.PropertyList()),
                    call.Cancellation),
                (w, i) => WriteObjectWithPath(w, i, q, o), call.Cancellation);
        });
        Add("ReferenceNames", ["ObjectName", "ResultClass", "Role"], (call, p) =>
            OperationResult.StreamAsync(
                _operations.ReferenceNamesAsync(call.Operation, p.RequiredObjectName("ObjectName", call.Namespace), ReferenceOptions(p, null),
                    call.Cancellation),
                WriteObjectPath, call.Cancellation));
    }

    private static AssociatorsOptions AssociatorOptions(ParameterSet p, IReadOnlyCollection<string>? propertyList) => new()
    {
        AssocClass = p.ClassName("AssocClass"),
        ResultClass = p.ClassName("ResultClass"),
        Role = p.String("Role"),
        ResultRole = p.String("ResultRole"),
        PropertyList = propertyList,
    };

    private static ReferencesOptions ReferenceOptions(ParameterSet p, IReadOnlyCollection<string>? propertyList) => new()
    {
        ResultClass = p.ClassName("ResultClass"),
        Role = p.String("Role"),
        PropertyList = propertyList,
    };
}
