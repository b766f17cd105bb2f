using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Query.Evaluation;

internal sealed class OrPredicate(QueryPredicate left, QueryPredicate right) : QueryPredicate
{
    public override QueryTruth Evaluate(CimInstance instance, int[] ordinals)
    {
        var l = left.Evaluate(instance, ordinals);
        if (l == QueryTruth.True)
            return QueryTruth.True;
        var r = right.Evaluate(instance, ordinals);
        if (r == QueryTruth.True)
            return QueryTruth.True;
        return l == QueryTruth.False && r == QueryTruth.False ? QueryTruth.False : QueryTruth.Unknown;
    }
}
