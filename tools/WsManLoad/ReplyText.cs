using System.Text.RegularExpressions;

namespace CimCloud.Tools.WsManLoad;

/// <summary>A short description of an unexpected reply for error messages: the SOAP fault's subcode, reason and detail when there is one.</summary>
internal static partial class ReplyText
{
    public static string Describe(ResponseBuffer response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = response.ToString();
        if (text.Contains(":Fault", StringComparison.Ordinal))
        {
            var values = Value().Matches(text).Select(m => m.Groups[1].Value.Trim());
            var reason = Reason().Match(text);
            var detail = Detail().Match(text);
            return $"SOAP fault {string.Join(" / ", values)}: {(reason.Success ? reason.Groups[1].Value.Trim() : "?")}"
                + (detail.Success ? $" [{detail.Groups[1].Value.Trim()}]" : string.Empty);
        }

        return text.Length <= 300 ? text : text[..300] + "…";
    }

    [GeneratedRegex(@"<(?:\w+:)?Value>([^<]*)</", RegexOptions.CultureInvariant)]
    private static partial Regex Value();

    [GeneratedRegex(@"<(?:\w+:)?Text[^>]*>([^<]*)</", RegexOptions.CultureInvariant)]
    private static partial Regex Reason();

    [GeneratedRegex(@"<(?:\w+:)?FaultDetail>([^<]*)</", RegexOptions.CultureInvariant)]
    private static partial Regex Detail();
}
