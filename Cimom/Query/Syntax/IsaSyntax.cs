namespace CimCloud.Cimom.Query.Syntax;

/// <summary><c>Subject ISA ClassName</c>; the subject is the instance itself (class, alias, <c>__this</c>) or a property.</summary>
internal sealed record IsaSyntax(OperandSyntax Subject, string ClassName, int ClassPosition) : ConditionSyntax(Subject.Position);
