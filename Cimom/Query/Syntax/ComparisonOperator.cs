namespace CimCloud.Cimom.Query.Syntax;

/// <summary>The comparison operators of a WHERE clause (<c>!=</c> is a spelling of <see cref="NotEqual"/>).</summary>
internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
