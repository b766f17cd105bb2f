namespace CimCloud.Cimom.Query.Syntax;

/// <summary>One side of a predicate: a property reference or a literal. Position is the 0-based offset in the query text.</summary>
internal abstract record OperandSyntax(int Position);
