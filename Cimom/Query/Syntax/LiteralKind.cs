namespace CimCloud.Cimom.Query.Syntax;

/// <summary>What a literal was written as; its value is a string, an <see cref="Int128"/>, a double, a bool or null.</summary>
internal enum LiteralKind
{
    String,
    Integer,
    Real,
    Boolean,
    Null,
}
