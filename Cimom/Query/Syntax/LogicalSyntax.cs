namespace CimCloud.Cimom.Query.Syntax;

/// <summary><c>Left AND Right</c>, <c>Left OR Right</c> or <c>NOT Left</c> (Right is null).</summary>
internal sealed record LogicalSyntax(LogicalOperator Operator, ConditionSyntax Left, ConditionSyntax? Right, int Position)
    : ConditionSyntax(Position);
