using System.Buffers;
using System.Globalization;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// Escapes text and attribute values as <see cref="System.Xml.XmlWriter"/> does with NewLineHandling.Entitize and
/// CheckCharacters: markup characters become entities, CR always (and LF, TAB in attributes) a character reference,
/// and characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/U+FFFF) are an <see cref="ArgumentException"/>.
/// </summary>
internal static class XmlEscaping
{
    private static readonly SearchValues<char> Special = SearchValues.Create(SpecialChars());

    public static void Append(CharBuffer output, string text, bool attribute)
    {
        var rest = text.AsSpan();
        while (true)
        {
            var at = rest.IndexOfAny(Special);
            if (at < 0)
            {
                output.Append(rest);
                return;
            }

            output.Append(rest[..at]);
            var c = rest[at];
            var used = 1;
            switch (c)
            {
                case '&':
                    output.Append("&amp;");
                    break;
                case '<':
                    output.Append("&lt;");
                    break;
                case '>':
                    output.Append("&gt;");
                    break;
                case '"':
                    output.Append(attribute ? "&quot;" : "\"");
                    break;
                case '\r':
                    output.Append("&#xD;");
                    break;
                case '\n':
                    output.Append(attribute ? "&#xA;" : "\n");
                    break;
                case '\t':
                    output.Append(attribute ? "&#x9;" : "\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && at + 1 < rest.Length && char.IsLowSurrogate(rest[at + 1]))
                    {
                        output.Append(rest.Slice(at, 2));
                        used = 2;
                        break;
                    }

                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"the text holds U+{(int)c:X4}, which XML 1.0 cannot carry"), nameof(text));
            }

            rest = rest[(at + used)..];
        }
    }

    // Characters that cannot be copied as they are: markup, line ends, controls, surrogates, U+FFFE and U+FFFF.
    private static string SpecialChars()
    {
        var chars = new List<char> { '&', '<', '>', '"', '\r', '\n', '\t', '\uFFFE', '\uFFFF' };
        for (var c = 0; c < 0x20; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
                chars.Add((char)c);
        }

        for (var c = 0xD800; c <= 0xDFFF; c++)
            chars.Add((char)c);
        return new string(chars.ToArray());
    }
}
