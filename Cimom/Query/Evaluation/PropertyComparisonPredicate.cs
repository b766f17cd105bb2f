using CimCloud.Cimom.Model;
using CimCloud.Cimom.Query.Syntax;

namespace CimCloud.Cimom.Query.Evaluation;

/// <summary><c>propA op propB</c> for two scalar properties of the same kind; unknown when either is NULL.</summary>
internal sealed class PropertyComparisonPredicate(int leftSlot, ComparisonOperator op, int rightSlot, QueryValueKind kind, StringComparison comparison)
    : QueryPredicate
{
    public override QueryTruth Evaluate(CimInstance instance, int[] ordinals)
    {
        var left = ValueOf(instance, ordinals, leftSlot);
        var right = ValueOf(instance, ordinals, rightSlot);
        if (left is null || right is null)
            return QueryTruth.Unknown;
        return QueryValues.Compare(left, right, kind, comparison) is { } sign ? Truth(QueryValues.Holds(op, sign)) : QueryTruth.Unknown;
    }
}
