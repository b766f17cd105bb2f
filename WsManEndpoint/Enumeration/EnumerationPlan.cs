using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>
/// How to produce an enumeration's items: <see cref="Open"/> starts the CIM operation (checking its arguments at
/// once) and streams its results through any filter and projection; <see cref="RenderAs"/> is the class instances are
/// written as (ExcludeSubClassProperties), or null for each instance's own class.
/// </summary>
internal sealed record EnumerationPlan(Func<CimOperationContext, CancellationToken, IAsyncEnumerable<CimInstance>> Open, CimClass? RenderAs = null)
{
    /// <summary>The instances of a class per the polymorphism mode, optionally filtered and projected.</summary>
    public static EnumerationPlan ForClass(ICimOperations operations, string @namespace, CimClass cimClass, PolymorphismMode mode,
        Func<CimInstance, bool>? where = null, Func<CimInstance, CimInstance>? project = null)
    {
        var options = mode == PolymorphismMode.ExcludeSubClassProperties
            ? new EnumerateInstancesOptions { DeepInheritance = false }
            : EnumerateInstancesOptions.Default;
        Func<CimInstance, bool>? keep = where;
        if (mode == PolymorphismMode.None)
        {
            var name = cimClass.Name;
            keep = where is null
                ? i => string.Equals(i.ClassName, name, StringComparison.OrdinalIgnoreCase)
                : i => string.Equals(i.ClassName, name, StringComparison.OrdinalIgnoreCase) && where(i);
        }

        return new EnumerationPlan(
            (cim, ct) => Filtered(operations.EnumerateInstancesAsync(cim, @namespace, cimClass.Name, options, ct), keep, project),
            mode == PolymorphismMode.ExcludeSubClassProperties ? cimClass : null);
    }

    public static IAsyncEnumerable<CimInstance> Filtered(IAsyncEnumerable<CimInstance> source, Func<CimInstance, bool>? keep,
        Func<CimInstance, CimInstance>? project) =>
        keep is null && project is null ? source : FilteredCore(source, keep, project, default);

    private static async IAsyncEnumerable<CimInstance> FilteredCore(IAsyncEnumerable<CimInstance> source, Func<CimInstance, bool>? keep,
        Func<CimInstance, CimInstance>? project, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var instance in source.WithCancellation(cancellationToken))
        {
            if (keep is not null && !keep(instance))
                continue;
            yield return project is null ? instance : project(instance);
        }
    }
}
