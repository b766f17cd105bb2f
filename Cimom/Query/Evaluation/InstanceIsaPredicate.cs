using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Query.Evaluation;

/// <summary><c>Class ISA Other</c> / <c>alias ISA Other</c> / <c>__this ISA 'Other'</c>: the instance's class is Other or below it.</summary>
internal sealed class InstanceIsaPredicate(string className) : QueryPredicate
{
    public override QueryTruth Evaluate(CimInstance instance, int[] ordinals) => Truth(instance.Class.IsSubclassOf(className));
}
