namespace CimCloud.Cimom.Query.Syntax;

/// <summary><c>Subject IS [NOT] NULL</c>.</summary>
internal sealed record IsNullSyntax(OperandSyntax Subject, bool Negated) : ConditionSyntax(Subject.Position);
