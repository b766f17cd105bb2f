namespace CimCloud.Cimom.Query.Evaluation;

/// <summary>
/// A compiled LIKE pattern, matched against the whole value by simulating its automaton (linear in the
/// value's length times the pattern's, no backtracking, no allocation for patterns under 256 tokens).
/// </summary>
/// <remarks>
/// WQL (WMI): <c>%</c> any sequence, <c>_</c> any one character, <c>[abc]</c>, <c>[a-c]</c> (also WMI's
/// <c>[a=c]</c>) and <c>[^...]</c> sets; a <c>]</c> first in a set is literal, <c>[%]</c> and <c>[_]</c> match
/// the wildcard characters themselves; matching ignores case. CQL (DSP0202): <c>.</c> any one character,
/// <c>*</c> zero or more of the preceding character or <c>.</c>, <c>\</c> makes the next character literal;
/// matching is case-sensitive.
/// </remarks>
internal sealed class LikePattern
{
    private const int StackLimit = 256;

    private readonly LikeToken[] _tokens;
    private readonly bool _ignoreCase;

    private LikePattern(LikeToken[] tokens, bool ignoreCase)
    {
        _tokens = tokens;
        _ignoreCase = ignoreCase;
    }

    public int TokenCount => _tokens.Length;

    public static bool TryParseWql(string pattern, out LikePattern? result, out string error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var tokens = new List<LikeToken>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '%':
                    if (tokens.Count == 0 || tokens[^1] is not { Kind: LikeTokenKind.Any, Star: true })
                        tokens.Add(new LikeToken(LikeTokenKind.Any, Star: true));
                    break;
                case '_':
                    tokens.Add(new LikeToken(LikeTokenKind.Any));
                    break;
                case '[':
                    if (!TryParseSet(pattern, ref i, out var set, out error))
                    {
                        result = null;
                        return false;
                    }

                    tokens.Add(set);
                    break;
                default:
                    tokens.Add(new LikeToken(LikeTokenKind.Literal, char.ToUpperInvariant(c)));
                    break;
            }
        }

        result = new LikePattern(tokens.ToArray(), ignoreCase: true);
        error = string.Empty;
        return true;
    }

    public static bool TryParseCql(string pattern, out LikePattern? result, out string error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        result = null;
        var tokens = new List<LikeToken>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '.':
                    tokens.Add(new LikeToken(LikeTokenKind.Any));
                    break;
                case '*':
                    if (tokens.Count == 0 || tokens[^1].Star)
                    {
                        error = $"'*' at pattern position {i + 1} must follow a character or '.'";
                        return false;
                    }

                    tokens[^1] = tokens[^1] with { Star = true };
                    break;
                case '\\':
                    if (i + 1 == pattern.Length)
                    {
                        error = "the pattern ends with an unescaped '\\'";
                        return false;
                    }

                    tokens.Add(new LikeToken(LikeTokenKind.Literal, pattern[++i]));
                    break;
                default:
                    tokens.Add(new LikeToken(LikeTokenKind.Literal, c));
                    break;
            }
        }

        result = new LikePattern(tokens.ToArray(), ignoreCase: false);
        error = string.Empty;
        return true;
    }

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        var count = _tokens.Length;
        Span<bool> current = count < StackLimit ? stackalloc bool[count + 1] : new bool[count + 1];
        Span<bool> next = count < StackLimit ? stackalloc bool[count + 1] : new bool[count + 1];
        current.Clear();
        current[0] = true;
        Close(current);
        foreach (var c in text)
        {
            next.Clear();
            var alive = false;
            for (var i = 0; i < count; i++)
            {
                if (!current[i] || !_tokens[i].Accepts(c, _ignoreCase))
                    continue;
                next[_tokens[i].Star ? i : i + 1] = true;
                alive = true;
            }

            if (!alive)
                return false;
            Close(next);
            var swap = current;
            current = next;
            next = swap;
        }

        return current[count];
    }

    /// <summary>A starred token may match nothing: its state also stands for the next one.</summary>
    private void Close(Span<bool> states)
    {
        for (var i = 0; i < _tokens.Length; i++)
        {
            if (states[i] && _tokens[i].Star)
                states[i + 1] = true;
        }
    }

    private static bool TryParseSet(string pattern, ref int i, out LikeToken token, out string error)
    {
        var open = i;
        var j = i + 1;
        var negated = j < pattern.Length && pattern[j] == '^';
        if (negated)
            j++;
        var ranges = new List<char>();
        var first = true;
        while (j < pattern.Length && (pattern[j] != ']' || first))
        {
            var low = pattern[j];
            var high = low;
            if (j + 2 < pattern.Length && pattern[j + 1] is '-' or '=' && pattern[j + 2] != ']')
            {
                high = pattern[j + 2];
                if (high < low)
                {
                    token = default;
                    error = $"the range '{low}{pattern[j + 1]}{high}' at pattern position {j + 1} is reversed";
                    return false;
                }

                j += 2;
            }

            ranges.Add(low);
            ranges.Add(high);
            j++;
            first = false;
        }

        if (j >= pattern.Length)
        {
            token = default;
            error = $"the '[' at pattern position {open + 1} has no closing ']'";
            return false;
        }

        i = j;
        token = new LikeToken(LikeTokenKind.Set, Ranges: ranges.ToArray(), Negated: negated);
        error = string.Empty;
        return true;
    }
}
