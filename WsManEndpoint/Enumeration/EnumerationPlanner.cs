using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>
/// Chooses how an Enumerate produces its items: the resource URI's class (with PolymorphismMode), or the filter's
/// dialect — selector, WQL/CQL, association. The all-classes URI needs a filter (UnsupportedFeature/FilteringRequired);
/// an unknown dialect is <c>wsen:FilterDialectRequestedUnavailable</c> listing the supported ones.
/// </summary>
internal static class EnumerationPlanner
{
    public static async ValueTask<EnumerationPlan> PlanAsync(WsManOperationContext context, ResolvedResource resource, EnumerateRequest enumerate)
    {
        var operations = context.Services.Operations;
        if (enumerate.Filter is not { } filter)
        {
            if (resource.Class is null)
                throw WsManFaults.UnsupportedFeature("FilteringRequired", "enumerating the all-classes resource URI needs a filter naming the class");
            return EnumerationPlan.ForClass(operations, resource.Namespace, resource.Class, enumerate.Polymorphism);
        }

        try
        {
            return enumerate.Dialect switch
            {
                FilterDialects.Selector => SelectorFilter.Plan(operations, resource.Namespace, resource.Class, filter, enumerate.Polymorphism, resource.ClassLookup),
                FilterDialects.Wql => QueryFilter.Plan(operations, resource, filter.Value, Cimom.Query.CimQueryLanguages.Wql, enumerate.Polymorphism),
                FilterDialects.Cql => QueryFilter.Plan(operations, resource, filter.Value, Cimom.Query.CimQueryLanguages.Cql, enumerate.Polymorphism),
                FilterDialects.Association => await AssociationFilter.PlanAsync(operations, context.Cim, filter, resource.Namespace, resource.ClassLookup, context.Cancellation),
                _ => throw WsManFaults.FilterDialectRequestedUnavailable(enumerate.Dialect ?? FilterDialects.XPath, FilterDialects.Supported),
            };
        }
        catch (CimException ex) when (ex.StatusCode is CimStatusCode.InvalidParameter or CimStatusCode.InvalidClass or CimStatusCode.NoSuchProperty)
        {
            throw WsManFaults.CannotProcessFilter(ex.Message);
        }
    }

    /// <summary>Starts the plan's CIM operation; with a filter, bad class or role names in it are <c>wsen:CannotProcessFilter</c>.</summary>
    public static IAsyncEnumerable<CimInstance> Open(EnumerationPlan plan, Cimom.Operations.CimOperationContext cim, bool filtered, CancellationToken cancellationToken)
    {
        try
        {
            return plan.Open(cim, cancellationToken);
        }
        catch (CimException ex) when (filtered && ex.StatusCode is CimStatusCode.InvalidParameter or CimStatusCode.InvalidClass or CimStatusCode.NoSuchProperty)
        {
            throw WsManFaults.CannotProcessFilter(ex.Message);
        }
    }
}
