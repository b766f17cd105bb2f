namespace CimCloud.Cimom.Mof.Parsing;

internal enum MofTokenKind : byte
{
    EndOfFile,
    /// <summary>A lexical error the lexer has already reported; the parser only recovers.</summary>
    Error,
    /// <summary>A name; keywords are identifiers with <see cref="MofToken.Keyword"/> set.</summary>
    Identifier,
    Integer,
    Real,
    String,
    Char,
    /// <summary><c>$name</c>; <see cref="MofToken.Text"/> is the name without the dollar sign.</summary>
    Alias,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    Semicolon,
    Comma,
    Colon,
    Equals,
    Hash,
}
