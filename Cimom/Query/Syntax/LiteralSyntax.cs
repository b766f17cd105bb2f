namespace CimCloud.Cimom.Query.Syntax;

/// <summary>A literal as written (<paramref name="Text"/>) and its value (see <see cref="LiteralKind"/>).</summary>
internal sealed record LiteralSyntax(LiteralKind Kind, object? Value, string Text, int Position) : OperandSyntax(Position);
