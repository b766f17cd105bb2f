using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>Reads what the mixed scenario needs from a raw reply: the fault subcode, the Invoke ReturnValue.</summary>
internal static partial class ReplyInspector
{
    [GeneratedRegex(@"<(?:[\w-]+:)?Subcode>\s*<(?:[\w-]+:)?Value>\s*([^<\s]+)\s*<", RegexOptions.CultureInvariant)]
    private static partial Regex Subcode();

    [GeneratedRegex(@"<(?:[\w-]+:)?ReturnValue(?:\s[^>]*)?>\s*(\d+)\s*<", RegexOptions.CultureInvariant)]
    private static partial Regex ReturnValue();

    /// <summary>"HTTP 500 wsman:InvalidSelectors" and the like.</summary>
    public static string Describe(HttpStatusCode status, ReadOnlySpan<byte> reply)
    {
        var code = (int)status;
        if (reply.Length == 0)
            return $"HTTP {code}";
        var match = Subcode().Match(Encoding.UTF8.GetString(reply));
        return match.Success ? $"HTTP {code} {match.Groups[1].Value}" : $"HTTP {code}";
    }

    /// <summary>The method's ReturnValue, or null when the reply has none.</summary>
    public static uint? ReturnValueOf(ReadOnlySpan<byte> reply)
    {
        var match = ReturnValue().Match(Encoding.UTF8.GetString(reply));
        return match.Success && uint.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
