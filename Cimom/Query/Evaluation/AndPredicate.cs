using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Query.Evaluation;

internal sealed class AndPredicate(QueryPredicate left, QueryPredicate right) : QueryPredicate
{
    public override QueryTruth Evaluate(CimInstance instance, int[] ordinals)
    {
        var l = left.Evaluate(instance, ordinals);
        if (l == QueryTruth.False)
            return QueryTruth.False;
        var r = right.Evaluate(instance, ordinals);
        if (r == QueryTruth.False)
            return QueryTruth.False;
        return l == QueryTruth.True && r == QueryTruth.True ? QueryTruth.True : QueryTruth.Unknown;
    }
}
