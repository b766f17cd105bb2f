using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Query.Evaluation;

/// <summary>
/// A bound WHERE condition. Properties are addressed by slot: an index into the query's property names,
/// mapped to the ordinals of the instance's class by <paramref name="ordinals"/> (cached per class).
/// </summary>
internal abstract class QueryPredicate
{
    public abstract QueryTruth Evaluate(CimInstance instance, int[] ordinals);

    protected static object? ValueOf(CimInstance instance, int[] ordinals, int slot)
    {
        var ordinal = ordinals[slot];
        return ordinal < 0 ? null : instance.GetValue(ordinal);
    }

    protected static QueryTruth Truth(bool value) => value ? QueryTruth.True : QueryTruth.False;
}
