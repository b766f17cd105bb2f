namespace CimCloud.Cimom.Query.Syntax;

/// <summary><c>Left op Right</c> where each side is a property or a literal.</summary>
internal sealed record ComparisonSyntax(OperandSyntax Left, ComparisonOperator Operator, OperandSyntax Right)
    : ConditionSyntax(Left.Position);
