using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Query.Evaluation;

/// <summary>A condition decided at bind time (literal compared with literal, comparison with NULL in CQL).</summary>
internal sealed class ConstantPredicate(QueryTruth value) : QueryPredicate
{
    public override QueryTruth Evaluate(CimInstance instance, int[] ordinals) => value;
}
