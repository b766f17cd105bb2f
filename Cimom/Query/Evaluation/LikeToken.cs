namespace CimCloud.Cimom.Query.Evaluation;

/// <summary>
/// One element of a compiled LIKE pattern: a character, any character or a character set, matched once or,
/// with <paramref name="Star"/>, zero or more times. <paramref name="Ranges"/> holds inclusive (low, high) pairs.
/// </summary>
internal readonly record struct LikeToken(LikeTokenKind Kind, char Char = default, char[]? Ranges = null, bool Negated = false, bool Star = false)
{
    /// <summary>Does the token accept <paramref name="c"/>? With <paramref name="ignoreCase"/>, literals are stored upper-case.</summary>
    public bool Accepts(char c, bool ignoreCase)
    {
        switch (Kind)
        {
            case LikeTokenKind.Any:
                return true;
            case LikeTokenKind.Literal:
                return Char == (ignoreCase ? char.ToUpperInvariant(c) : c);
            default:
                var inSet = InRanges(c) || (ignoreCase && (InRanges(char.ToUpperInvariant(c)) || InRanges(char.ToLowerInvariant(c))));
                return inSet != Negated;
        }
    }

    private bool InRanges(char c)
    {
        var ranges = Ranges!;
        for (var i = 0; i + 1 < ranges.Length; i += 2)
        {
            if (c >= ranges[i] && c <= ranges[i + 1])
                return true;
        }

        return false;
    }
}
