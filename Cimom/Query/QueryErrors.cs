using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Query;

/// <summary>The InvalidQuery exceptions of parsing and binding, all naming where in the text the problem is.</summary>
internal static class QueryErrors
{
    public static CimException Syntax(string language, string text, int position, string detail) =>
        new(CimStatusCode.InvalidQuery, $"invalid {language} query: syntax error at {Where(text, position)}: {detail}");

    public static CimException Invalid(string language, string text, int position, string message) =>
        new(CimStatusCode.InvalidQuery, $"invalid {language} query at {Where(text, position)}: {message}");

    /// <summary>"column N" (1-based) for one-line text, "line L, column N" otherwise.</summary>
    public static string Where(string text, int position)
    {
        position = Math.Clamp(position, 0, text.Length);
        var lineStart = text.LastIndexOf('\n', Math.Max(position - 1, 0));
        if (position == 0 || lineStart < 0)
            return text.Contains('\n', StringComparison.Ordinal) ? $"line 1, column {position + 1}" : $"column {position + 1}";
        var line = 1 + text.AsSpan(0, lineStart + 1).Count('\n');
        return $"line {line}, column {position - lineStart}";
    }
}
