using System.Globalization;
using System.Xml;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>xs:duration and xs:dateTime values of WS-Management headers and bodies (OperationTimeout, Expires, MaxTime).</summary>
public static class XsDuration
{
    /// <summary>Parses an xs:duration (<c>PT60S</c>, <c>-PT5S</c>, <c>P1DT2H</c>); false for any other text, xs:dateTime included.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var t = text.Trim();
        var start = t.StartsWith('-') ? 1 : 0;
        if (t.Length <= start + 1 || t[start] != 'P')
            return false;
        try
        {
            value = XmlConvert.ToTimeSpan(t);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            value = t[0] == '-' ? TimeSpan.MinValue : TimeSpan.MaxValue;
            return true;
        }
    }

    /// <summary>Parses an xs:dateTime (time zone optional; none means UTC).</summary>
    public static bool TryParseDateTime(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value)
        && text!.Contains('T', StringComparison.Ordinal);
}
