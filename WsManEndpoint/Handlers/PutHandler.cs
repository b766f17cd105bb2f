using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Handlers;

/// <summary>
/// WS-Transfer Put (spec digest §7.2, §7.4): the body is the instance (or, with FragmentTransfer, a
/// <c>wsman:XmlFragment</c>); the properties it gives are changed, keys must equal the selectors
/// (<c>wxf:InvalidRepresentation</c>/InvalidValues otherwise). The response body is the instance (or fragment) after
/// the update. If that response would exceed the envelope limit the change is undone and EncodingLimit sent;
/// if it cannot be undone, EncodingLimit/UnreportableSuccess.
/// </summary>
internal sealed class PutHandler : IWsManHandler
{
    public async ValueTask<WsManResponse> HandleAsync(WsManOperationContext context)
    {
        var request = context.Request;
        var resource = ResolvedResource.Resolve(context);
        var cimClass = resource.RequireClass(request.Action);
        var fragment = request.FragmentTransfer is null ? null : ResponseParts.Fragment(request);
        var body = ResponseParts.Body(request, "Put");
        var path = resource.BindInstancePath(cimClass);
        var ops = context.Services.Operations;
        var old = await ops.GetInstanceAsync(context.Cim, path, null, context.Cancellation);

        CimInstance changed;
        string[] properties;
        if (fragment is not null)
        {
            var property = fragment.Resolve(old.Class);
            if (property.IsKey)
                throw WsManFaults.InvalidRepresentation("InvalidValues", $"key property {property.Name} cannot be changed");
            changed = new FragmentXmlReader(resource.ClassLookup).Apply(body, old, fragment, request.ResourceUri);
            properties = [property.Name];
        }
        else
        {
            var present = new List<string>();
            changed = new InstanceXmlReader(resource.ClassLookup).Read(body, old.Class, old.Namespace ?? resource.Namespace, request.ResourceUri, present);
            KeepKeys(changed, old, present);
            properties = present.Where(name => old.Class.Properties.Find(name) is { IsKey: false }).ToArray();
        }

        await ops.ModifyInstanceAsync(context.Cim, changed, properties, context.Cancellation);
        var updated = await ops.GetInstanceAsync(context.Cim, old.Path, null, context.Cancellation);
        var options = context.WriteOptions with { ResourceClassName = resource.Class?.Name };
        var response = fragment is not null
            ? new WsManResponse(WsManActions.PutResponse, w => FragmentXmlWriter.Write(w, updated, fragment, options))
            : new WsManResponse(WsManActions.PutResponse, w =>
            {
                InstanceXmlWriter.DeclareClassNamespace(w, updated, options);
                InstanceXmlWriter.WriteInstance(w, updated, options);
            });
        if (request.RequestEpr)
            response.Headers.Add(ResponseParts.RequestedEpr(updated.Path, options));

        try
        {
            response.Encoded = context.EncodeChecked(response);
        }
        catch (WsManFault tooBig) when (tooBig.Detail is "MaxEnvelopeSize" or "ServiceEnvelopeLimit")
        {
            try
            {
                await ops.ModifyInstanceAsync(context.Cim, old, properties, context.Cancellation);
            }
            catch (Exception)
            {
                throw WsManFaults.EncodingLimit("UnreportableSuccess", "the instance was updated, but the response exceeds the envelope limit and the change could not be undone");
            }

            throw;
        }

        return response;
    }

    /// <summary>Keys in the body must equal the instance's (class-name keys case-insensitively); then the instance's own values are kept.</summary>
    private static void KeepKeys(CimInstance changed, CimInstance old, List<string> present)
    {
        foreach (var key in old.Class.KeyProperties)
        {
            var current = old.GetValue(key.Ordinal);
            if (present.Contains(key.Name, StringComparer.OrdinalIgnoreCase))
            {
                var given = changed.GetValue(key.Ordinal);
                var same = given is string g && current is string c && IsClassNameKey(key.Name)
                    ? string.Equals(g, c, StringComparison.OrdinalIgnoreCase)
                    : CimValueComparer.Instance.Equals(given, current);
                if (!same)
                    throw WsManFaults.InvalidRepresentation("InvalidValues", $"key property {key.Name} in the body differs from the selectors; keys cannot be changed");
            }

            changed.SetValue(key.Ordinal, current);
        }
    }

    private static bool IsClassNameKey(string name) =>
        name.Equals("CreationClassName", StringComparison.OrdinalIgnoreCase) || name.Equals("SystemCreationClassName", StringComparison.OrdinalIgnoreCase);
}
