using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Query;
using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>
/// WQL and CQL filters (spec digest §8.4), parsed and evaluated by Cimom's query engine. The FROM class decides the
/// result class, so the resource URI is normally the all-classes URI; a class URI naming another class is
/// <c>wsen:CannotProcessFilter</c>, as are syntax errors and unknown classes or properties. A SELECT list projects the
/// instances (their EPRs keep every key).
/// </summary>
internal static class QueryFilter
{
    public static EnumerationPlan Plan(ICimOperations operations, ResolvedResource resource, string text, string language, PolymorphismMode mode)
    {
        var query = CimQueryParser.Parse(text.Trim(), language, resource.CimNamespace.Schema);
        var fromClass = resource.ClassLookup(query.ClassName)
            ?? throw WsManFaults.CannotProcessFilter($"the query selects from {query.ClassName}, which does not exist in namespace {resource.Namespace}");
        if (resource.Class is { } uriClass && !string.Equals(uriClass.Name, fromClass.Name, StringComparison.OrdinalIgnoreCase))
            throw WsManFaults.CannotProcessFilter($"the query selects from {fromClass.Name}, but the resource URI names class {uriClass.Name}; use the all-classes URI");
        return EnumerationPlan.ForClass(operations, resource.Namespace, fromClass, mode, query.Matches,
            query.SelectedProperties is null ? null : query.Project);
    }
}
