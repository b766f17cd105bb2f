using System.Buffers;
using System.Text;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Diagnostics;

namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>
/// Hand-written MOF 2.x lexer over one file's text (DSP0004 / mof.md section 2). Skips whitespace and
/// comments, reports lexical errors itself and hands the parser an <see cref="MofTokenKind.Error"/>
/// token for input it could not make a token of.
/// </summary>
internal sealed class MofLexer
{
    private static readonly SearchValues<char> StringStops = SearchValues.Create("\"\\\n\r");
    private static readonly SearchValues<char> LineEnds = SearchValues.Create("\n\r");

    private readonly char[] _chars;
    private readonly int _length;
    private readonly string _file;
    private readonly MofDiagnosticBag _diagnostics;
    private readonly MofStringPool _pool;
    private readonly bool _lenient;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _lastTokenLine;

    /// <summary>Lexes <c>chars[0..length)</c>; the buffer must stay unchanged while the lexer is used.</summary>
    public MofLexer(char[] chars, int length, string file, MofDiagnosticBag diagnostics, MofStringPool pool, bool lenient)
    {
        _chars = chars;
        _length = length;
        _file = file;
        _diagnostics = diagnostics;
        _pool = pool;
        _lenient = lenient;
        if (length > 0 && chars[0] == '\uFEFF')
        {
            _pos = 1;
            _lineStart = 1;
        }
    }

    private ReadOnlySpan<char> Text => new(_chars, 0, _length);

    public MofToken Next()
    {
        SkipTrivia();
        int start = _pos;
        int column = start - _lineStart + 1;
        bool atLineStart = _line != _lastTokenLine;
        _lastTokenLine = _line;
        if (start >= _length)
            return new MofToken(MofTokenKind.EndOfFile, start, 0, _line, column, atLineStart);

        char c = Text[start];
        MofTokenKind punctuation = c switch
        {
            '{' => MofTokenKind.LeftBrace,
            '}' => MofTokenKind.RightBrace,
            '[' => MofTokenKind.LeftBracket,
            ']' => MofTokenKind.RightBracket,
            '(' => MofTokenKind.LeftParen,
            ')' => MofTokenKind.RightParen,
            ';' => MofTokenKind.Semicolon,
            ',' => MofTokenKind.Comma,
            ':' => MofTokenKind.Colon,
            '=' => MofTokenKind.Equals,
            '#' => MofTokenKind.Hash,
            _ => MofTokenKind.EndOfFile,
        };
        if (punctuation != MofTokenKind.EndOfFile)
        {
            _pos++;
            return new MofToken(punctuation, start, 1, _line, column, atLineStart);
        }

        if (c == '"')
            return LexString(start, column, atLineStart);
        if (c == '\'')
            return LexChar(start, column, atLineStart);
        if (char.IsAsciiDigit(c) || c == '+' || c == '-' || c == '.')
            return LexNumber(start, column, atLineStart);
        if (c == '$')
            return LexAlias(start, column, atLineStart);
        if (IsIdentifierStart(start, out int width))
        {
            _pos += width;
            ScanIdentifierRest();
            string name = _pool.Intern(Text.Slice(start, _pos - start), out var keyword);
            return new MofToken(MofTokenKind.Identifier, start, _pos - start, _line, column, atLineStart, keyword, name);
        }

        if (c == '*' && start + 1 < _length && Text[start + 1] == '/')
        {
            _pos += 2;
            Error(_line, column, "'*/' outside a comment (block comments do not nest)");
            return ErrorToken(start, column, atLineStart);
        }

        _pos += char.IsHighSurrogate(c) && start + 1 < _length && char.IsLowSurrogate(Text[start + 1]) ? 2 : 1;
        Error(_line, column, $"unexpected character {DescribeChar(Text.Slice(start, _pos - start))}");
        return ErrorToken(start, column, atLineStart);
    }

    private void SkipTrivia()
    {
        ReadOnlySpan<char> text = Text;
        while (_pos < text.Length)
        {
            char c = text[_pos];
            switch (c)
            {
                case ' ':
                case '\t':
                case '\f':
                    _pos++;
                    continue;
                case '\n':
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                    continue;
                case '\r':
                    _pos++;
                    if (_pos < text.Length && text[_pos] == '\n')
                        _pos++;
                    _line++;
                    _lineStart = _pos;
                    continue;
                case '/' when _pos + 1 < text.Length && text[_pos + 1] == '/':
                {
                    int end = text[_pos..].IndexOfAny(LineEnds);
                    _pos = end < 0 ? text.Length : _pos + end;
                    continue;
                }

                case '/' when _pos + 1 < text.Length && text[_pos + 1] == '*':
                    SkipBlockComment();
                    continue;
                default:
                    return;
            }
        }
    }

    private void SkipBlockComment()
    {
        int startLine = _line;
        int startColumn = _pos - _lineStart + 1;
        int bodyStart = _pos + 2;
        int close = Text[bodyStart..].IndexOf("*/", StringComparison.Ordinal);
        int end = close < 0 ? _length : bodyStart + close + 2;
        CountLines(bodyStart, end);
        _pos = end;
        if (close < 0)
            Error(startLine, startColumn, "unterminated block comment ('/*' without '*/')");
    }

    /// <summary>Advances the line counters over the newlines in [from, to).</summary>
    private void CountLines(int from, int to)
    {
        int i = from;
        while (i < to)
        {
            int next = Text.Slice(i, to - i).IndexOfAny(LineEnds);
            if (next < 0)
                return;
            i += next;
            if (Text[i] == '\r' && i + 1 < _length && Text[i + 1] == '\n')
                i++;
            i++;
            _line++;
            _lineStart = i;
        }
    }

    private MofToken LexString(int start, int column, bool atLineStart)
    {
        ReadOnlySpan<char> text = Text;
        int pos = start + 1;
        int decodedLength = 0;
        bool hasEscapes = false;
        while (true)
        {
            int stop = text[pos..].IndexOfAny(StringStops);
            if (stop < 0)
            {
                _pos = text.Length;
                Error(_line, column, "unterminated string literal (end of file before the closing '\"')");
                return ErrorToken(start, column, atLineStart);
            }

            pos += stop;
            decodedLength += stop;
            char c = text[pos];
            if (c == '"')
            {
                _pos = pos + 1;
                return new MofToken(MofTokenKind.String, start, _pos - start, _line, column, atLineStart,
                    extra: decodedLength, hasEscapes: hasEscapes);
            }

            if (c == '\\' && pos + 1 < text.Length && text[pos + 1] is not ('\n' or '\r'))
            {
                hasEscapes = true;
                CheckEscape(pos, out _, out int consumed);
                pos += consumed;
                decodedLength++;
                continue;
            }

            // A raw line break (or a backslash right before one or at the end of the text).
            _pos = c == '\\' ? pos + 1 : pos;
            Error(_line, column, _pos >= text.Length
                ? "unterminated string literal (end of file before the closing '\"')"
                : "unterminated string literal (a string may not contain a line break; close it and concatenate)");
            return ErrorToken(start, column, atLineStart);
        }
    }

    /// <summary>Reads the escape at <paramref name="pos"/> and reports it if it is not a defined one.</summary>
    private void CheckEscape(int pos, out char value, out int consumed)
    {
        var status = MofEscapes.Read(Text, pos, out value, out consumed);
        int column = pos - _lineStart + 1;
        switch (status)
        {
            case MofEscapes.Status.MissingHexDigits:
                Error(_line, column, $"escape '\\{value}' must be followed by 1 to 4 hex digits");
                break;
            case MofEscapes.Status.Unknown when _lenient:
                _diagnostics.Warning(new SourceLocation(_file, _line, column),
                    $"unknown escape sequence '\\{value}' in string; kept as '{value}'");
                break;
            case MofEscapes.Status.Unknown:
                Error(_line, column,
                    $"unknown escape sequence '\\{value}' in string (valid: \\b \\t \\n \\f \\r \\\" \\' \\\\ \\xHHHH)");
                break;
        }
    }

    private MofToken LexChar(int start, int column, bool atLineStart)
    {
        ReadOnlySpan<char> text = Text;
        int pos = start + 1;
        char value;
        if (pos >= text.Length || text[pos] is '\n' or '\r')
        {
            _pos = pos;
            Error(_line, column, "unterminated char16 literal");
            return ErrorToken(start, column, atLineStart);
        }

        if (text[pos] == '\'')
        {
            _pos = pos + 1;
            Error(_line, column, "empty char16 literal ''; a char16 literal holds exactly one character");
            return ErrorToken(start, column, atLineStart);
        }

        if (text[pos] == '\\' && pos + 1 < text.Length && text[pos + 1] is not ('\n' or '\r'))
        {
            CheckEscape(pos, out value, out int consumed);
            pos += consumed;
        }
        else
        {
            value = text[pos];
            pos++;
        }

        if (pos < text.Length && text[pos] == '\'')
        {
            _pos = pos + 1;
            return new MofToken(MofTokenKind.Char, start, _pos - start, _line, column, atLineStart, extra: value);
        }

        int lineEnd = text[pos..].IndexOfAny(LineEnds);
        int limit = lineEnd < 0 ? text.Length : pos + lineEnd;
        int close = text.Slice(pos, limit - pos).IndexOf('\'');
        if (close < 0)
        {
            _pos = limit;
            Error(_line, column, "unterminated char16 literal (missing closing ')");
        }
        else
        {
            _pos = pos + close + 1;
            Error(_line, column, $"char16 literal {Text.Slice(start, _pos - start)} must contain exactly one character");
        }

        return ErrorToken(start, column, atLineStart);
    }

    private MofToken LexAlias(int start, int column, bool atLineStart)
    {
        _pos = start + 1;
        if (_pos < _length && IsIdentifierStart(_pos, out int width))
        {
            _pos += width;
            ScanIdentifierRest();
            string name = _pool.Intern(Text.Slice(start + 1, _pos - start - 1));
            return new MofToken(MofTokenKind.Alias, start, _pos - start, _line, column, atLineStart, text: name);
        }

        Error(_line, column, "expected an alias name after '$'");
        return ErrorToken(start, column, atLineStart);
    }

    private MofToken LexNumber(int start, int column, bool atLineStart)
    {
        ReadOnlySpan<char> text = Text;
        int pos = start;
        if (text[pos] is '+' or '-')
            pos++;
        int bodyStart = pos;
        bool startsNumber = pos < text.Length && (char.IsAsciiDigit(text[pos])
            || (text[pos] == '.' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1])));
        if (!startsNumber)
        {
            _pos = start + 1;
            Error(_line, column, text[start] == '.'
                ? "unexpected character '.'"
                : $"unexpected character '{text[start]}' (a sign must be followed by a number)");
            return ErrorToken(start, column, atLineStart);
        }

        bool sawDot = false;
        while (pos < text.Length)
        {
            char c = text[pos];
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                pos++;
            }
            else if (c == '.')
            {
                sawDot = true;
                pos++;
            }
            else if (c is '+' or '-' && sawDot && text[pos - 1] is 'e' or 'E')
            {
                pos++;
            }
            else if (c > 0x7F && char.IsLetterOrDigit(c))
            {
                pos++;
            }
            else
            {
                break;
            }
        }

        _pos = pos;
        var body = text.Slice(bodyStart, pos - bodyStart);
        string? problem = Classify(body, out var kind, out var radix);
        if (problem is not null)
        {
            Error(_line, column, $"{problem} '{text.Slice(start, pos - start)}'");
            return ErrorToken(start, column, atLineStart);
        }

        return new MofToken(kind, start, pos - start, _line, column, atLineStart, extra: (int)radix);
    }

    /// <summary>Classifies a number body (sign removed); returns an error message prefix or null.</summary>
    private static string? Classify(ReadOnlySpan<char> body, out MofTokenKind kind, out MofIntegerRadix radix)
    {
        kind = MofTokenKind.Integer;
        radix = MofIntegerRadix.Decimal;
        if (body.Contains('.'))
        {
            kind = MofTokenKind.Real;
            return IsReal(body) ? null : "invalid real literal (needs digits after the '.', optional exponent e[+-]digits)";
        }

        if (body.Length >= 2 && body[0] == '0' && body[1] is 'x' or 'X')
        {
            radix = MofIntegerRadix.Hex;
            return body.Length > 2 && !body[2..].ContainsAnyExcept(HexDigits) ? null : "invalid hex literal";
        }

        if (body.Length >= 2 && body[^1] is 'b' or 'B')
        {
            radix = MofIntegerRadix.Binary;
            var digits = body[..^1];
            if (!digits.ContainsAnyExcept('0', '1'))
                return null;
            return digits.ContainsAnyExceptInRange('0', '9') ? "invalid number literal" : "invalid binary literal (only 0 and 1 before 'b')";
        }

        if (body.ContainsAnyExceptInRange('0', '9'))
            return "invalid number literal";
        if (body.Length > 1 && body[0] == '0')
        {
            radix = MofIntegerRadix.Octal;
            return body.ContainsAnyExceptInRange('0', '7') ? "invalid octal literal (a leading 0 makes an octal number; digits 0-7 only)" : null;
        }

        return null;
    }

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary><c>[0-9]* '.' [0-9]+ ([eE] [+-]? [0-9]+)?</c></summary>
    private static bool IsReal(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        if (i >= s.Length || s[i] != '.')
            return false;
        i++;
        int fractionStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        if (i == fractionStart)
            return false;
        if (i == s.Length)
            return true;
        if (s[i] is not ('e' or 'E'))
            return false;
        i++;
        if (i < s.Length && s[i] is '+' or '-')
            i++;
        int exponentStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        return i > exponentStart && i == s.Length;
    }

    private bool IsIdentifierStart(int pos, out int width)
    {
        char c = Text[pos];
        width = 1;
        if (char.IsAsciiLetter(c) || c == '_')
            return true;
        if (c < 0x80)
            return false;
        if (char.IsHighSurrogate(c) && Rune.DecodeFromUtf16(Text[pos..], out var rune, out int used) == OperationStatus.Done)
        {
            width = used;
            return Rune.IsLetter(rune);
        }

        return char.IsLetter(c);
    }

    private void ScanIdentifierRest()
    {
        ReadOnlySpan<char> text = Text;
        int pos = _pos;
        while (pos < text.Length)
        {
            char c = text[pos];
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                pos++;
            }
            else if (c < 0x80)
            {
                break;
            }
            else if (char.IsHighSurrogate(c) && Rune.DecodeFromUtf16(text[pos..], out var rune, out int used) == OperationStatus.Done)
            {
                if (!Rune.IsLetterOrDigit(rune))
                    break;
                pos += used;
            }
            else if (char.IsLetterOrDigit(c))
            {
                pos++;
            }
            else
            {
                break;
            }
        }

        _pos = pos;
    }

    private MofToken ErrorToken(int start, int column, bool atLineStart) =>
        new(MofTokenKind.Error, start, _pos - start, _line, column, atLineStart);

    private void Error(int line, int column, string message) =>
        _diagnostics.Error(new SourceLocation(_file, line, column), message);

    private static string DescribeChar(ReadOnlySpan<char> c) =>
        c.Length == 1 && (char.IsControl(c[0]) || char.IsWhiteSpace(c[0]))
            ? $"U+{(int)c[0]:X4}"
            : $"'{c}'";
}
