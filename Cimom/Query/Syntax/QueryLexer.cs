using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using Sprache;

namespace CimCloud.Cimom.Query.Syntax;

/// <summary>
/// Token parsers of the query grammar. Each token parser consumes the blanks after its token and, when it
/// fails, fails at its start without consuming anything, so the grammar's alternatives and the error
/// column (the start of the offending token) work out.
/// </summary>
internal static partial class QueryLexer
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "LIKE", "IS", "NULL", "ISA", "AS", "TRUE", "FALSE",
    };

    public static Parser<string> Blanks { get; } = input => Result.Success(string.Empty, SkipBlanks(input));

    /// <summary>A keyword in any case, not followed by an identifier character.</summary>
    public static Parser<string> Keyword(string keyword, string? expectation = null) => input =>
    {
        var word = ReadWord(input, out var after);
        return word is not null && word.Equals(keyword, StringComparison.OrdinalIgnoreCase)
            ? Result.Success(keyword, SkipBlanks(after))
            : Fail<string>(input, expectation ?? keyword);
    };

    /// <summary>A name that is not a reserved word.</summary>
    public static Parser<string> Identifier(string expectation) => input =>
    {
        var word = ReadWord(input, out var after);
        return word is not null && !Reserved.Contains(word)
            ? Result.Success(word, SkipBlanks(after))
            : Fail<string>(input, expectation);
    };

    public static Parser<string> Symbol(string symbol, string? expectation = null) => input =>
    {
        var rest = input;
        foreach (var c in symbol)
        {
            if (rest.AtEnd || rest.Current != c)
                return Fail<string>(input, expectation ?? $"'{symbol}'");
            rest = rest.Advance();
        }

        return Result.Success(symbol, SkipBlanks(rest));
    };

    public static Parser<ComparisonOperator> ComparisonOp { get; } = input =>
    {
        if (input.AtEnd)
            return Fail<ComparisonOperator>(input, "a comparison operator");
        var next = input.Advance();
        var second = next.AtEnd ? '\0' : next.Current;
        (ComparisonOperator Op, int Length)? match = (input.Current, second) switch
        {
            ('<', '=') => (ComparisonOperator.LessOrEqual, 2),
            ('>', '=') => (ComparisonOperator.GreaterOrEqual, 2),
            ('<', '>') => (ComparisonOperator.NotEqual, 2),
            ('!', '=') => (ComparisonOperator.NotEqual, 2),
            ('=', _) => (ComparisonOperator.Equal, 1),
            ('<', _) => (ComparisonOperator.Less, 1),
            ('>', _) => (ComparisonOperator.Greater, 1),
            _ => null,
        };
        if (match is not { } m)
            return Fail<ComparisonOperator>(input, "a comparison operator");
        return Result.Success(m.Op, SkipBlanks(Advance(input, m.Length)));
    };

    /// <summary>
    /// <c>'...'</c> or <c>"..."</c>. Inside, the quote is written doubled or as <c>\'</c> / <c>\"</c>, and
    /// <c>\\</c> is one backslash; any other backslash is kept as is (it matters to CQL LIKE patterns).
    /// </summary>
    public static IResult<LiteralSyntax> StringLiteral(IInput input, string expectation)
    {
        if (input.AtEnd || input.Current is not ('\'' or '"'))
            return Fail<LiteralSyntax>(input, expectation);
        var source = input.Source;
        var start = input.Position;
        var quote = source[start];
        var sb = new StringBuilder();
        var i = start + 1;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\\' && i + 1 < source.Length && source[i + 1] is '\\' or '\'' or '"')
            {
                sb.Append(source[i + 1]);
                i += 2;
            }
            else if (c == quote && i + 1 < source.Length && source[i + 1] == quote)
            {
                sb.Append(quote);
                i += 2;
            }
            else if (c == quote)
            {
                var literal = new LiteralSyntax(LiteralKind.String, sb.ToString(), source[start..(i + 1)], start);
                return Result.Success(literal, SkipBlanks(Advance(input, i + 1 - start)));
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return Fail<LiteralSyntax>(Advance(input, source.Length - start),
            $"closing {quote} of the string that starts at column {start + 1}");
    }

    /// <summary>Integers (decimal or <c>0x</c> hex, signed; sint64..uint64 range) and reals (<c>1.5</c>, <c>.5</c>, <c>1e3</c>).</summary>
    public static IResult<LiteralSyntax> NumberLiteral(IInput input, string expectation)
    {
        var match = NumberRegex().Match(input.Source, input.Position);
        if (!match.Success)
            return Fail<LiteralSyntax>(input, expectation);
        var end = input.Position + match.Length;
        if (end < input.Source.Length && (IsIdentifierPart(input.Source[end]) || input.Source[end] == '.'))
            return Result.Failure<LiteralSyntax>(input, $"'{ReadToken(input.Source, input.Position)}' is not a valid number", []);
        if (!TryParseNumber(match.Value, out var value, out var error))
            return Result.Failure<LiteralSyntax>(input, error, []);
        var kind = value is double ? LiteralKind.Real : LiteralKind.Integer;
        return Result.Success(new LiteralSyntax(kind, value, match.Value, input.Position), SkipBlanks(Advance(input, match.Length)));
    }

    /// <summary>
    /// Parses a whole text as a query number: an <see cref="Int128"/> for integers (within sint64..uint64),
    /// a double for reals. Used for numeric literals and for quoted numbers compared with numeric properties.
    /// </summary>
    public static bool TryParseNumber(string text, out object? value, out string error)
    {
        value = null;
        error = string.Empty;
        var match = NumberRegex().Match(text);
        if (!match.Success || match.Index != 0 || match.Length != text.Length)
        {
            error = $"'{text}' is not a number";
            return false;
        }

        var negative = text[0] == '-';
        var digits = text.TrimStart('+', '-');
        if (digits.Length > 2 && digits[1] is 'x' or 'X')
            return TryInteger(text, BigInteger.Parse("0" + digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), negative, out value, out error);
        if (digits.All(char.IsAsciiDigit))
            return TryInteger(text, BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture), negative, out value, out error);
        value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>The word at <paramref name="input"/> (letters, digits, '_', not starting with a digit), or null.</summary>
    public static string? ReadWord(IInput input, out IInput after)
    {
        after = input;
        if (input.AtEnd || !IsIdentifierStart(input.Current))
            return null;
        var source = input.Source;
        var end = input.Position;
        while (end < source.Length && IsIdentifierPart(source[end]))
            end++;
        after = Advance(input, end - input.Position);
        return source[input.Position..end];
    }

    /// <summary>How an error message shows the text at <paramref name="position"/>.</summary>
    public static string DescribeFound(string text, int position) =>
        position >= text.Length ? "end of query" : $"'{ReadToken(text, position)}'";

    public static IInput SkipBlanks(IInput input)
    {
        while (!input.AtEnd && char.IsWhiteSpace(input.Current))
            input = input.Advance();
        return input;
    }

    public static IResult<T> Fail<T>(IInput at, string expectation) => Result.Failure<T>(at, $"expected {expectation}", [expectation]);

    public static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool TryInteger(string text, BigInteger magnitude, bool negative, out object? value, out string error)
    {
        var number = negative ? -magnitude : magnitude;
        if (number < long.MinValue || number > ulong.MaxValue)
        {
            value = null;
            error = $"integer {text} is out of range (sint64 and uint64 are the widest CIM integers)";
            return false;
        }

        value = (Int128)number;
        error = string.Empty;
        return true;
    }

    private static string ReadToken(string text, int position)
    {
        if (!IsIdentifierPart(text[position]))
            return text[position].ToString();
        var end = position;
        while (end < text.Length && (IsIdentifierPart(text[end]) || text[end] == '.'))
            end++;
        return text[position..end];
    }

    private static IInput Advance(IInput input, int count)
    {
        for (var i = 0; i < count; i++)
            input = input.Advance();
        return input;
    }

    [GeneratedRegex(@"\G[+-]?(?:0[xX][0-9A-Fa-f]+|(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][+-]?[0-9]+)?)")]
    private static partial Regex NumberRegex();
}
