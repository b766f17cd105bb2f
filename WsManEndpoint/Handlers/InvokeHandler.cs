using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Handlers;

/// <summary>
/// Custom actions (spec digest §9): <c>&lt;class resource URI&gt;/&lt;Method&gt;</c> invokes the CIM method. The action's
/// class URI must be the resource URI or name a superclass of its class (an inherited method); otherwise
/// <c>wsa:ActionNotSupported</c>/ActionMismatch. Anything that is not a class URI plus a method is
/// ActionNotSupported. Instance methods need selectors (InvalidSelectors/InsufficientSelectors); static methods run on
/// the class. A non-zero ReturnValue is a normal response.
/// </summary>
internal sealed class InvokeHandler : IWsManHandler
{
    public async ValueTask<WsManResponse> HandleAsync(WsManOperationContext context)
    {
        var request = context.Request;
        var action = request.Action;
        var slash = action.LastIndexOf('/');
        var actionClass = slash > 0 ? ResourceUriMap.ClassNameOf(action[..slash]) : null;
        var methodName = slash > 0 ? action[(slash + 1)..] : string.Empty;
        if (actionClass is null || !ResourceUriMap.IsClassName(methodName))
            throw WsManFaults.ActionNotSupported(action);

        var resource = ResolvedResource.Resolve(context);
        var cimClass = resource.Class ?? throw WsManFaults.ActionNotSupported(action, "ActionMismatch");
        var sameUri = string.Equals(action[..slash], request.ResourceUri?.Trim(), StringComparison.Ordinal);
        if (!sameUri && !cimClass.IsSubclassOf(actionClass))
            throw WsManFaults.ActionNotSupported(action, "ActionMismatch");
        var method = cimClass.FindMethod(methodName) ?? throw WsManFaults.ActionNotSupported(action);

        CimObjectPath target;
        if (method.IsStatic)
        {
            target = new CimObjectPath(resource.Namespace, cimClass.Name);
        }
        else
        {
            if (!resource.HasKeySelectors)
                throw WsManFaults.InvalidSelectors(SelectorFaultDetails.InsufficientSelectors, $"method {cimClass.Name}.{method.Name} is an instance method; selectors must name the instance");
            target = resource.BindInstancePath(cimClass);
        }

        var arguments = new MethodParameterReader(resource.ClassLookup).Read(request.Body, cimClass, method, request.ResourceUri);
        var result = await context.Services.Operations.InvokeMethodAsync(context.Cim, target, method.Name, arguments, context.Cancellation);
        var options = context.WriteOptions;
        var response = new WsManResponse(action + "Response", w => MethodResultWriter.Write(w, cimClass, method, result, options));
        try
        {
            response.Encoded = context.EncodeChecked(response);
        }
        catch (WsManFault tooBig) when (tooBig.Detail is "MaxEnvelopeSize" or "ServiceEnvelopeLimit")
        {
            throw WsManFaults.EncodingLimit("UnreportableSuccess", $"method {method.Name} ran, but its output exceeds the envelope limit");
        }

        return response;
    }
}
