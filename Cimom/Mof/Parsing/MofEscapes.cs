using System.Diagnostics;

namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>
/// MOF string and char16 escapes (DSP0004): <c>\b \t \n \f \r \" \' \\</c> and <c>\x</c>/<c>\X</c> with
/// 1 to 4 hex digits. Any other escape keeps the character after the backslash (the lexer reports it).
/// </summary>
internal static class MofEscapes
{
    internal enum Status
    {
        Ok,
        /// <summary>Not a defined escape; the value is the character after the backslash.</summary>
        Unknown,
        /// <summary><c>\x</c> without a hex digit; the value is the <c>x</c>.</summary>
        MissingHexDigits,
    }

    /// <summary>
    /// Reads the escape whose backslash is at <paramref name="index"/>; the caller guarantees a character
    /// follows the backslash.
    /// </summary>
    public static Status Read(ReadOnlySpan<char> text, int index, out char value, out int consumed)
    {
        Debug.Assert(text[index] == '\\' && index + 1 < text.Length);
        char c = text[index + 1];
        consumed = 2;
        switch (c)
        {
            case 'b': value = '\b'; return Status.Ok;
            case 't': value = '\t'; return Status.Ok;
            case 'n': value = '\n'; return Status.Ok;
            case 'f': value = '\f'; return Status.Ok;
            case 'r': value = '\r'; return Status.Ok;
            case '"': value = '"'; return Status.Ok;
            case '\'': value = '\''; return Status.Ok;
            case '\\': value = '\\'; return Status.Ok;
            case 'x':
            case 'X':
            {
                int code = 0;
                int digits = 0;
                int i = index + 2;
                while (digits < 4 && i < text.Length && char.IsAsciiHexDigit(text[i]))
                {
                    code = (code << 4) | HexValue(text[i]);
                    digits++;
                    i++;
                }

                if (digits == 0)
                {
                    value = c;
                    return Status.MissingHexDigits;
                }

                consumed = 2 + digits;
                value = (char)code;
                return Status.Ok;
            }

            default:
                value = c;
                return Status.Unknown;
        }
    }

    /// <summary>Decodes the body of a string literal (between the quotes) into exactly-sized <paramref name="destination"/>.</summary>
    public static int Decode(ReadOnlySpan<char> body, Span<char> destination)
    {
        int written = 0;
        int i = 0;
        while (i < body.Length)
        {
            int backslash = body[i..].IndexOf('\\');
            if (backslash < 0)
            {
                body[i..].CopyTo(destination[written..]);
                written += body.Length - i;
                break;
            }

            body.Slice(i, backslash).CopyTo(destination[written..]);
            written += backslash;
            i += backslash;
            Read(body, i, out char value, out int consumed);
            destination[written++] = value;
            i += consumed;
        }

        return written;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
