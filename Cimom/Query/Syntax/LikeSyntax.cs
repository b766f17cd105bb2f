namespace CimCloud.Cimom.Query.Syntax;

/// <summary><c>Subject [NOT] LIKE 'pattern'</c>.</summary>
internal sealed record LikeSyntax(OperandSyntax Subject, bool Negated, LiteralSyntax Pattern) : ConditionSyntax(Subject.Position);
