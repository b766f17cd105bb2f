using System.Globalization;

namespace CimCloud.Tools.WsManLoad;

/// <summary>Invariant number formatting for the report.</summary>
internal static class Format
{
    public static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    public static string N0(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string N1(double value) => value.ToString("#,0.0", CultureInfo.InvariantCulture);

    public static string N2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Ms(double microseconds) => (microseconds / 1000.0).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => double.IsNaN(fraction) ? "n/a" : (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
