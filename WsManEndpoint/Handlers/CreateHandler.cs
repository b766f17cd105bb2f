using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Handlers;

/// <summary>
/// WS-Transfer Create (spec digest §7.3): the body is the new instance (of the resource URI's class, or of a subclass
/// when the body element is in a subclass's namespace). Missing keys (or Required properties) are
/// <c>wxf:InvalidRepresentation</c>/MissingValues, a duplicate <c>wsman:AlreadyExists</c>. The response's
/// <c>wxf:ResourceCreated</c> holds the new EPR's Address and ReferenceParameters.
/// </summary>
internal sealed class CreateHandler : IWsManHandler
{
    private static readonly string Wxf = WsManNamespaces.Transfer.NamespaceName;

    public async ValueTask<WsManResponse> HandleAsync(WsManOperationContext context)
    {
        var request = context.Request;
        var resource = ResolvedResource.Resolve(context);
        var cimClass = resource.RequireClass(request.Action);
        var body = ResponseParts.Body(request, "Create");
        var bodyClass = ClassOfElement(body, cimClass, resource);
        if (bodyClass.IsAbstract)
            throw WsManFaults.OperationNotSupported($"class {bodyClass.Name} is abstract; instances cannot be created");
        var instance = new InstanceXmlReader(resource.ClassLookup).Read(body, bodyClass, resource.Namespace, request.ResourceUri);
        CheckRequired(instance);

        var ops = context.Services.Operations;
        var path = await ops.CreateInstanceAsync(context.Cim, instance, context.Cancellation);
        var options = context.WriteOptions;
        var response = new WsManResponse(WsManActions.CreateResponse, w =>
        {
            w.WriteStartElement("wxf", "ResourceCreated", Wxf);
            InstanceXmlWriter.WriteEndpointReferenceChildren(w, path, options);
            w.WriteEndElement();
        });
        if (request.RequestEpr)
            response.Headers.Add(ResponseParts.RequestedEpr(path, options));

        try
        {
            response.Encoded = context.EncodeChecked(response);
        }
        catch (WsManFault tooBig) when (tooBig.Detail is "MaxEnvelopeSize" or "ServiceEnvelopeLimit")
        {
            try
            {
                await ops.DeleteInstanceAsync(context.Cim, path, context.Cancellation);
            }
            catch (Exception)
            {
                throw WsManFaults.EncodingLimit("UnreportableSuccess", "the instance was created, but the response exceeds the envelope limit and the creation could not be undone");
            }

            throw;
        }

        return response;
    }

    private static CimClass ClassOfElement(System.Xml.Linq.XElement body, CimClass cimClass, ResolvedResource resource)
    {
        var named = ResourceUriMap.ClassNameOf(body.Name.NamespaceName);
        if (named is null || string.Equals(named, cimClass.Name, StringComparison.OrdinalIgnoreCase))
            return cimClass;
        var candidate = resource.ClassLookup(named);
        return candidate is not null && candidate.IsSubclassOf(cimClass.Name) ? candidate : cimClass;
    }

    private static void CheckRequired(CimInstance instance)
    {
        var missing = instance.Class.Properties
            .Where(p => (p.IsKey || p.Qualifiers.IsTrue("Required")) && instance.GetValue(p.Ordinal) is null)
            .Select(p => p.Name)
            .ToList();
        if (missing.Count > 0)
            throw WsManFaults.InvalidRepresentation("MissingValues", $"class {instance.ClassName} needs {string.Join(", ", missing)}");
    }
}
