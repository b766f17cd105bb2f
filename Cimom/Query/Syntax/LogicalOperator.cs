namespace CimCloud.Cimom.Query.Syntax;

internal enum LogicalOperator
{
    And,
    Or,
    Not,
}
