using System.Globalization;
using System.Text;

namespace CimCloud.Cimom.Model;

/// <summary>Formats CIM values as MOF literals (used in messages and by the MOF writer).</summary>
public static class CimValueFormatter
{
    public static string Format(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, object? value)
    {
        ArgumentNullException.ThrowIfNull(sb);
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                AppendString(sb, s);
                break;
            case char c:
                sb.Append('\'');
                AppendEscaped(sb, c, '\'');
                sb.Append('\'');
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case float f:
                sb.Append(FormatReal(f.ToString("R", CultureInfo.InvariantCulture)));
                break;
            case double d:
                sb.Append(FormatReal(d.ToString("R", CultureInfo.InvariantCulture)));
                break;
            case CimDateTime dt:
                AppendString(sb, dt.Text);
                break;
            case CimObjectPath p:
                AppendString(sb, p.ToString());
                break;
            case Array a:
                sb.Append('{');
                for (var i = 0; i < a.Length; i++)
                {
                    if (i > 0)
                        sb.Append(", ");
                    Append(sb, a.GetValue(i));
                }

                sb.Append('}');
                break;
            case IFormattable f:
                sb.Append(f.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                AppendString(sb, value.ToString() ?? string.Empty);
                break;
        }
    }

    public static void AppendString(StringBuilder sb, string s)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(s);
        sb.Append('"');
        foreach (var c in s)
            AppendEscaped(sb, c, '"');
        sb.Append('"');
    }

    private static void AppendEscaped(StringBuilder sb, char c, char quote)
    {
        switch (c)
        {
            case '\\': sb.Append(@"\\"); break;
            case '\n': sb.Append(@"\n"); break;
            case '\r': sb.Append(@"\r"); break;
            case '\t': sb.Append(@"\t"); break;
            case '\b': sb.Append(@"\b"); break;
            case '\f': sb.Append(@"\f"); break;
            default:
                if (c == quote)
                    sb.Append('\\').Append(c);
                else if (char.IsControl(c))
                    sb.Append(@"\x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                else
                    sb.Append(c);
                break;
        }
    }

    /// <summary>MOF reals need a dot with a digit after it; NaN/Infinity have no MOF literal.</summary>
    private static string FormatReal(string text)
    {
        if (text.Contains('.', StringComparison.Ordinal) || !char.IsDigit(text[^1]))
            return text;
        var e = text.IndexOfAny(['E', 'e']);
        return e < 0 ? text + ".0" : string.Concat(text.AsSpan(0, e), ".0", text.AsSpan(e));
    }
}
