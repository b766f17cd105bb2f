using CimCloud.Cimom.Model;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Query.Evaluation;

/// <summary>
/// <c>prop ISA 'Class'</c> for an embedded instance (its class is Class or a subclass) or a reference (the
/// referenced path's class, looked up in the query's schema; a class the schema does not know must be named
/// exactly). For arrays, any element.
/// </summary>
internal sealed class PropertyIsaPredicate(int slot, string className, CimSchema schema) : QueryPredicate
{
    public override QueryTruth Evaluate(CimInstance instance, int[] ordinals)
    {
        var value = ValueOf(instance, ordinals, slot);
        if (value is null)
            return QueryTruth.Unknown;
        if (value is object?[] items)
        {
            foreach (var item in items)
            {
                if (item is not null && Test(item))
                    return QueryTruth.True;
            }

            return QueryTruth.False;
        }

        return Truth(Test(value));
    }

    private bool Test(object value) => value switch
    {
        CimInstance embedded => embedded.Class.IsSubclassOf(className),
        CimObjectPath path => schema.FindClass(path.ClassName) is { } target
            ? target.IsSubclassOf(className)
            : string.Equals(path.ClassName, className, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
