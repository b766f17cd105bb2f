namespace CimCloud.Cimom.Query.Syntax;

/// <summary>A property name, optionally qualified by the FROM class or its alias (<c>Qualifier.Name</c>).</summary>
internal sealed record PropertyReferenceSyntax(string? Qualifier, string Name, int Position) : OperandSyntax(Position)
{
    public string Text => Qualifier is null ? Name : $"{Qualifier}.{Name}";
}
