using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Query.Evaluation;

/// <summary>NOT: true and false swap; unknown stays unknown.</summary>
internal sealed class NotPredicate(QueryPredicate operand) : QueryPredicate
{
    public override QueryTruth Evaluate(CimInstance instance, int[] ordinals) => operand.Evaluate(instance, ordinals) switch
    {
        QueryTruth.True => QueryTruth.False,
        QueryTruth.False => QueryTruth.True,
        _ => QueryTruth.Unknown,
    };
}
