using System.Runtime.InteropServices;

namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>
/// One token: kind, span in the source text and 1-based position. Identifiers and aliases carry their
/// (pooled) text; strings carry their decoded length; char16 literals their value; integers their radix.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal readonly struct MofToken
{
    public MofToken(MofTokenKind kind, int start, int length, int line, int column, bool atLineStart,
        MofKeyword keyword = MofKeyword.None, string? text = null, int extra = 0, bool hasEscapes = false)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Line = line;
        Column = column;
        AtLineStart = atLineStart;
        Keyword = keyword;
        Text = text;
        Extra = extra;
        HasEscapes = hasEscapes;
    }

    public MofTokenKind Kind { get; }

    /// <summary>Offset of the first character (the opening quote for strings and char16 literals).</summary>
    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public int Line { get; }

    public int Column { get; }

    /// <summary>True when no other token precedes this one on its line.</summary>
    public bool AtLineStart { get; }

    public MofKeyword Keyword { get; }

    /// <summary>Identifier spelling or alias name (without <c>$</c>).</summary>
    public string? Text { get; }

    /// <summary>String: decoded length; char16: the character; integer: the <see cref="MofIntegerRadix"/>.</summary>
    public int Extra { get; }

    /// <summary>String token containing at least one backslash escape.</summary>
    public bool HasEscapes { get; }

    public bool Is(MofKeyword keyword) => Kind == MofTokenKind.Identifier && Keyword == keyword;
}
