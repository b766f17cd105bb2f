using CimCloud.Cimom.Operations;
using CimCloud.CimXmlEndpoint.Xml;

namespace CimCloud.CimXmlEndpoint.Operations;

/// <summary>One call being served: the parsed request, the core's operation context and the request's cancellation.</summary>
internal sealed record CallContext(CimXmlRequest Request, CimOperationContext Operation, CancellationToken Cancellation)
{
    public string Namespace => Request.Namespace;
}
