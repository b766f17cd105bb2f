using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>
/// The DSP0227 association filter (spec digest §8.4): <c>wsmb:AssociatedInstances</c> → CIM Associators,
/// <c>wsmb:AssociationInstances</c> → References, with the optional AssociationClassName, ResultClassName, Role,
/// ResultRole (Associated only) and IncludeResultProperty list; empty elements mean "not given". A missing
/// <c>wsmb:Object</c> or a malformed filter → <c>wsen:CannotProcessFilter</c>; a source object that does not exist →
/// <c>wsa:DestinationUnreachable</c> at Enumerate time.
/// </summary>
internal static class AssociationFilter
{
    private static readonly XNamespace Wsmb = WsManNamespaces.CimBinding;

    public static async ValueTask<EnumerationPlan> PlanAsync(ICimOperations operations, CimOperationContext cim, XElement filter, string @namespace,
        Func<string, CimClass?> classLookup, CancellationToken cancellationToken)
    {
        var associated = filter.Element(Wsmb + "AssociatedInstances");
        var association = filter.Element(Wsmb + "AssociationInstances");
        if ((associated is null) == (association is null))
            throw WsManFaults.CannotProcessFilter("the association filter needs exactly one of wsmb:AssociatedInstances and wsmb:AssociationInstances");
        var body = associated ?? association!;
        var objectElement = body.Element(Wsmb + "Object")
            ?? throw WsManFaults.CannotProcessFilter("the association filter has no wsmb:Object naming the source instance");
        CimObjectPath source;
        try
        {
            source = SelectorBinder.BindEndpointReference(objectElement, classLookup, @namespace);
        }
        catch (WsManFault fault) when (fault.Subcode?.LocalName is "InvalidSelectors" or "SchemaValidationError")
        {
            throw WsManFaults.CannotProcessFilter($"wsmb:Object: {fault.Message}");
        }

        var properties = body.Elements(Wsmb + "IncludeResultProperty").Select(e => e.Value.Trim()).Where(v => v.Length > 0).ToArray();
        var propertyList = properties.Length > 0 ? properties : null;
        var assocClass = Text(body, "AssociationClassName");
        var resultClass = Text(body, "ResultClassName");
        var role = Text(body, "Role");
        var resultRole = Text(body, "ResultRole");

        // The source must exist: report DestinationUnreachable now rather than on the first Pull.
        await operations.GetInstanceAsync(cim, source, [], cancellationToken);

        if (associated is not null)
        {
            var options = new AssociatorsOptions { AssocClass = assocClass, ResultClass = resultClass, Role = role, ResultRole = resultRole, PropertyList = propertyList };
            return new EnumerationPlan((c, ct) => operations.AssociatorsAsync(c, source, options, ct));
        }

        if (resultRole is not null)
            throw WsManFaults.CannotProcessFilter("wsmb:ResultRole is not valid in wsmb:AssociationInstances");
        var references = new ReferencesOptions { ResultClass = resultClass ?? assocClass, Role = role, PropertyList = propertyList };
        return new EnumerationPlan((c, ct) => operations.ReferencesAsync(c, source, references, ct));
    }

    private static string? Text(XElement body, string name) =>
        body.Element(Wsmb + name)?.Value.Trim() is { Length: > 0 } value ? value : null;
}
