using System.Globalization;
using System.Xml;
using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Writes a CIM datetime as its DSP0230 wrapper: <c>cim:Datetime</c> (xs:dateTime with ±hh:mm and microseconds),
/// <c>cim:Interval</c> (xs:duration <c>PnDTnHnMn.nnnnnnS</c>) or <c>cim:CIM_DateTime</c> (the raw 25 characters) for
/// values with wildcards or outside what xs:dateTime can hold (year 0000, offsets beyond ±14:00).
/// </summary>
internal static class CimDateTimeXml
{
    public const string DatetimeElement = "Datetime";
    public const string IntervalElement = "Interval";
    public const string DateElement = "Date";
    public const string TimeElement = "Time";
    public const string CimDateTimeElement = "CIM_DateTime";

    private const int MaxXsdOffsetMinutes = 14 * 60;

    /// <summary>Writes the wrapper element (one child of the property element).</summary>
    public static void Write(XmlWriter writer, CimDateTime value)
    {
        var (local, text) = Format(value);
        var prefix = writer.LookupPrefix(WsCimXml.CimNamespace) ?? "cim";
        writer.WriteStartElement(prefix, local, WsCimXml.CimNamespace);
        writer.WriteString(text);
        writer.WriteEndElement();
    }

    /// <summary>The wrapper's local name and text for a value.</summary>
    public static (string Element, string Text) Format(CimDateTime value)
    {
        if (value.HasWildcards)
            return (CimDateTimeElement, value.Text);
        if (value.IsInterval)
            return (IntervalElement, FormatDuration(value));
        var offset = value.UtcOffsetMinutes!.Value;
        if (value.Year == 0 || Math.Abs(offset) > MaxXsdOffsetMinutes)
            return (CimDateTimeElement, value.Text);
        return (DatetimeElement, FormatDateTime(value, offset));
    }

    private static string FormatDateTime(CimDateTime v, int offset)
    {
        var sign = offset < 0 ? '-' : '+';
        var abs = Math.Abs(offset);
        return string.Create(CultureInfo.InvariantCulture,
            $"{v.Year:0000}-{v.Month:00}-{v.Day:00}T{v.Hours:00}:{v.Minutes:00}:{v.Seconds:00}.{v.Microseconds:000000}{sign}{abs / 60:00}:{abs % 60:00}");
    }

    private static string FormatDuration(CimDateTime v) =>
        string.Create(CultureInfo.InvariantCulture, $"P{v.Days}DT{v.Hours}H{v.Minutes}M{v.Seconds}.{v.Microseconds:000000}S");
}
