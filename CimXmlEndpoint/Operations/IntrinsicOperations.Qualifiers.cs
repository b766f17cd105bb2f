using CimCloud.CimXmlEndpoint.Xml;

namespace CimCloud.CimXmlEndpoint.Operations;

internal sealed partial class IntrinsicOperations
{
    private void RegisterQualifierOperations()
    {
        Add("GetQualifier", ["QualifierName"], async (call, p) =>
        {
            var declaration = await _operations.GetQualifierAsync(call.Operation, call.Namespace, p.RequiredString("QualifierName"), call.Cancellation);
            return OperationResult.Return(w => w.WriteQualifierDeclaration(declaration));
        });
        Add("SetQualifier", ["QualifierDeclaration"], async (call, p) =>
        {
            var declaration = CimXmlReader.QualifierDeclaration(p.RequiredContent("QualifierDeclaration"));
            await _operations.SetQualifierAsync(call.Operation, call.Namespace, declaration, call.Cancellation);
            return OperationResult.Empty;
        });
        Add("DeleteQualifier", ["QualifierName"], async (call, p) =>
        {
            await _operations.DeleteQualifierAsync(call.Operation, call.Namespace, p.RequiredString("QualifierName"), call.Cancellation);
            return OperationResult.Empty;
        });
        Add("EnumerateQualifiers", [], (call, _) =>
            OperationResult.StreamAsync(_operations.EnumerateQualifiersAsync(call.Operation, call.Namespace, call.Cancellation),
                (w, q) => w.WriteQualifierDeclaration(q), call.Cancellation));
    }
}
