using CimCloud.Cimom.Model;
using CimCloud.Cimom.Query.Evaluation;
using CimCloud.Cimom.Query.Syntax;

namespace CimCloud.Cimom.Query;

/// <summary>Converts a literal to what a property of a given kind is compared with, or reports why it cannot be.</summary>
internal static class QueryLiterals
{
    /// <summary>
    /// Numbers: integer and real literals, and quoted numbers (<c>ProcessId = '4'</c>, as WMI allows).
    /// Text: quoted strings. Datetime: a quoted DSP0004 datetime (wildcards allowed). Boolean: TRUE/FALSE or
    /// a quoted <c>'true'</c>/<c>'false'</c>. Reference: a quoted object path.
    /// </summary>
    public static object Coerce(QueryValueKind kind, CimProperty property, LiteralSyntax literal, Func<string, CimException> error)
    {
        var type = $"{property.Name} is {property.DataType}";
        switch (kind)
        {
            case QueryValueKind.Numeric:
                if (literal.Kind is LiteralKind.Integer or LiteralKind.Real)
                    return literal.Value!;
                if (literal.Kind == LiteralKind.String && QueryLexer.TryParseNumber(((string)literal.Value!).Trim(), out var number, out _))
                    return number!;
                throw error($"{literal.Text} is not a number; {type}");
            case QueryValueKind.Text:
                return literal.Kind == LiteralKind.String
                    ? literal.Value!
                    : throw error($"{type}; compare it with a quoted string, not {literal.Text}");
            case QueryValueKind.DateTime:
                if (literal.Kind != LiteralKind.String)
                    throw error($"{type}; compare it with a quoted datetime such as '20240101000000.000000+000', not {literal.Text}");
                return CimDateTime.TryParse(((string)literal.Value!).Trim(), out var dateTime, out var dateError)
                    ? dateTime
                    : throw error($"{literal.Text} is not a valid datetime for {property.Name}: {dateError}");
            case QueryValueKind.Boolean:
                if (literal.Kind == LiteralKind.Boolean)
                    return literal.Value!;
                if (literal.Kind == LiteralKind.String && bool.TryParse(((string)literal.Value!).Trim(), out var flag))
                    return flag;
                throw error($"{type}; compare it with TRUE or FALSE, not {literal.Text}");
            case QueryValueKind.Reference:
                if (literal.Kind != LiteralKind.String)
                    throw error($"{type}; compare it with a quoted object path, not {literal.Text}");
                return CimObjectPath.TryParse((string)literal.Value!, out var path, out var pathError)
                    ? path
                    : throw error($"{literal.Text} is not a valid object path for {property.Name}: {pathError}");
            default:
                throw error($"{property.Name} cannot be compared with a literal");
        }
    }
}
