using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Reads a CIM datetime from a property element: one of the five DSP0230 wrappers (<c>cim:Datetime</c>,
/// <c>cim:Interval</c>, <c>cim:Date</c>, <c>cim:Time</c>, <c>cim:CIM_DateTime</c>) or bare text (raw CIM, as owsman
/// sends, or an xs:dateTime / xs:duration / xs:date / xs:time form). Failures throw <see cref="FormatException"/>.
/// </summary>
/// <remarks>
/// xs:dateTime without a zone is taken as UTC; digits beyond microseconds are cut. xs:duration years and months
/// have no CIM equivalent and are refused unless zero. xs:date becomes a timestamp whose time fields are
/// wildcards. xs:time (a time of day without a date, which a CIM timestamp cannot hold) becomes the interval
/// since midnight in the time's own zone.
/// </remarks>
internal static partial class CimDateTimeXmlParser
{
    private const long MaxIntervalDays = 99_999_999;

    /// <summary>The datetime a property (or parameter) element holds.</summary>
    public static CimDateTime Parse(XElement element)
    {
        XElement? wrapper = null;
        foreach (var child in element.Elements())
        {
            if (wrapper is not null)
                throw new FormatException($"element {element.Name.LocalName} holds more than one datetime element");
            wrapper = child;
        }

        if (wrapper is null)
            return ParseText(element.Value);
        var ns = wrapper.Name.Namespace;
        if (ns != WsManNamespaces.CimCommon && ns != XNamespace.None)
            throw new FormatException($"datetime wrapper {wrapper.Name} is not in the namespace {WsManNamespaces.CimCommon}");
        var text = wrapper.Value.Trim();
        return wrapper.Name.LocalName switch
        {
            CimDateTimeXml.DatetimeElement => ParseXsdDateTime(text),
            CimDateTimeXml.IntervalElement => ParseXsdDuration(text),
            CimDateTimeXml.DateElement => ParseXsdDate(text),
            CimDateTimeXml.TimeElement => ParseXsdTime(text),
            CimDateTimeXml.CimDateTimeElement => ParseCim(text),
            _ => throw new FormatException(
                $"unknown datetime element {wrapper.Name.LocalName}; expected cim:Datetime, cim:Interval, cim:Date, cim:Time or cim:CIM_DateTime"),
        };
    }

    /// <summary>Bare text: the CIM form first, then the XML Schema forms.</summary>
    public static CimDateTime ParseText(string text)
    {
        var t = text.Trim();
        if (CimDateTime.TryParse(t, out var value, out var cimError))
            return value;
        if (t.StartsWith('P') || t.StartsWith("-P", StringComparison.Ordinal))
            return ParseXsdDuration(t);
        if (t.Contains('T', StringComparison.Ordinal))
            return ParseXsdDateTime(t);
        if (DateForm().IsMatch(t))
            return ParseXsdDate(t);
        if (TimeForm().IsMatch(t))
            return ParseXsdTime(t);
        throw new FormatException(cimError + "; nor is it an xs:dateTime, xs:duration, xs:date or xs:time value");
    }

    /// <summary>True when the text has the shape of a CIM datetime (so a failure means an illegal field, not the wrong kind of value).</summary>
    public static bool LooksLikeCimDateTime(string text)
    {
        var t = text.Trim();
        return t.Length == 25 && t[14] == '.' && t[21] is '+' or '-' or ':';
    }

    private static CimDateTime ParseCim(string text) =>
        CimDateTime.TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    private static CimDateTime ParseXsdDateTime(string text)
    {
        var m = DateTimeForm().Match(text);
        if (!m.Success)
            throw new FormatException($"'{text}' is not an xs:dateTime (yyyy-mm-ddThh:mm:ss[.ffffff][Z|±hh:mm])");
        var micro = Micros(m.Groups["f"].Value);
        var offset = Offset(m.Groups["z"].Value, text);
        return Build(text, $"{m.Groups["y"].Value}{m.Groups["mo"].Value}{m.Groups["d"].Value}{m.Groups["h"].Value}{m.Groups["mi"].Value}{m.Groups["s"].Value}.{micro}{offset}");
    }

    private static CimDateTime ParseXsdDate(string text)
    {
        var m = DateForm().Match(text);
        if (!m.Success)
            throw new FormatException($"'{text}' is not an xs:date (yyyy-mm-dd[Z|±hh:mm])");
        var offset = Offset(m.Groups["z"].Value, text);
        return Build(text, $"{m.Groups["y"].Value}{m.Groups["mo"].Value}{m.Groups["d"].Value}******.******{offset}");
    }

    private static CimDateTime ParseXsdTime(string text)
    {
        var m = TimeForm().Match(text);
        if (!m.Success)
            throw new FormatException($"'{text}' is not an xs:time (hh:mm:ss[.ffffff][Z|±hh:mm])");
        _ = Offset(m.Groups["z"].Value, text);
        return Build(text, $"00000000{m.Groups["h"].Value}{m.Groups["mi"].Value}{m.Groups["s"].Value}.{Micros(m.Groups["f"].Value)}:000");
    }

    private static CimDateTime ParseXsdDuration(string text)
    {
        var m = DurationForm().Match(text);
        if (!m.Success || text.EndsWith('T') || (!m.Groups["y"].Success && !m.Groups["mo"].Success && !m.Groups["d"].Success &&
                                                 !m.Groups["h"].Success && !m.Groups["mi"].Success && !m.Groups["s"].Success))
            throw new FormatException($"'{text}' is not an xs:duration (PnDTnHnMn.nnnnnnS)");
        if (m.Groups["neg"].Success)
            throw new FormatException($"interval '{text}' is negative; CIM intervals cannot be");
        if (Number(m, "y", text) != 0 || Number(m, "mo", text) != 0)
            throw new FormatException($"interval '{text}' has years or months, which have no fixed length in a CIM interval");
        var totalSeconds = (Number(m, "d", text) * 86_400m) + (Number(m, "h", text) * 3_600m) + (Number(m, "mi", text) * 60m) + Number(m, "s", text);
        var days = decimal.Floor(totalSeconds / 86_400m);
        if (days > MaxIntervalDays)
            throw new FormatException($"interval '{text}' exceeds {MaxIntervalDays} days");
        var rest = (long)(totalSeconds - (days * 86_400m));
        var micro = Micros(m.Groups["f"].Value);
        return Build(text, string.Create(CultureInfo.InvariantCulture,
            $"{(long)days:00000000}{rest / 3600:00}{rest / 60 % 60:00}{rest % 60:00}.{micro}:000"));
    }

    private static decimal Number(Match m, string group, string text)
    {
        var g = m.Groups[group];
        if (!g.Success)
            return 0;
        return decimal.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 10_000_000_000_000m
            ? n
            : throw new FormatException($"interval '{text}' has a component too large for a CIM interval");
    }

    private static string Micros(string fraction) =>
        fraction.Length >= 6 ? fraction[..6] : fraction.PadRight(6, '0');

    // "Z", "" (no zone, taken as UTC) or ±hh:mm → CIM sign and minutes.
    private static string Offset(string zone, string text)
    {
        if (zone.Length == 0 || zone == "Z")
            return "+000";
        var minutes = (int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture) * 60) + int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (minutes > 999)
            throw new FormatException($"'{text}' has a zone offset beyond the ±999 minutes a CIM datetime holds");
        var sign = minutes == 0 ? '+' : zone[0];
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{minutes:000}");
    }

    private static CimDateTime Build(string source, string cimText) =>
        CimDateTime.TryParse(cimText, out var value, out var error)
            ? value
            : throw new FormatException($"'{source}' is not a valid CIM datetime: {error}");

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})T(?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})(?:\.(?<f>\d+))?(?<z>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeForm();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?<z>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateForm();

    [GeneratedRegex(@"^(?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})(?:\.(?<f>\d+))?(?<z>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeForm();

    [GeneratedRegex(@"^(?<neg>-)?P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+)(?:\.(?<f>\d+))?S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationForm();
}
