namespace CimCloud.Cimom.Query.Syntax;

/// <summary>A parsed, unbound <c>SELECT list FROM Class [AS alias] [WHERE condition]</c>; a null select list is <c>*</c>.</summary>
internal sealed record QuerySyntax(
    IReadOnlyList<PropertyReferenceSyntax>? SelectList,
    string ClassName,
    int ClassPosition,
    string? Alias,
    ConditionSyntax? Where);
