namespace CimCloud.Cimom.Query.Syntax;

/// <summary>A WHERE clause condition. Position is the 0-based offset where it starts.</summary>
internal abstract record ConditionSyntax(int Position);
