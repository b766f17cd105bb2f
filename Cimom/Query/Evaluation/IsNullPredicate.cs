using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Query.Evaluation;

/// <summary><c>prop IS [NOT] NULL</c> (an array is null only when the whole value is; a projected-out property is null).</summary>
internal sealed class IsNullPredicate(int slot, bool negated) : QueryPredicate
{
    public override QueryTruth Evaluate(CimInstance instance, int[] ordinals) =>
        Truth(ValueOf(instance, ordinals, slot) is null != negated);
}
