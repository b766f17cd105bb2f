using System.Globalization;
using System.Text;

namespace CimCloud.WsManEndpoint.Faults;

/// <summary>
/// Fault texts often quote what the client sent (an XML parser's message names the bad character); characters XML 1.0
/// cannot carry are written as <c>U+XXXX</c> so the fault itself can always be sent.
/// </summary>
internal static class FaultText
{
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
            clean = IsXmlChar(text, i, out var width) && (i += width - 1) >= 0;
        if (clean)
            return text;
        var output = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsXmlChar(text, i, out var width))
            {
                output.Append(text, i, width);
                i += width - 1;
            }
            else
            {
                output.Append(CultureInfo.InvariantCulture, $"U+{(int)text[i]:X4}");
            }
        }

        return output.ToString();
    }

    private static bool IsXmlChar(string text, int i, out int width)
    {
        width = 1;
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                width = 2;
                return true;
            }

            return false;
        }

        return c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
