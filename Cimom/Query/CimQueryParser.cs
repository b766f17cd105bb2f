using CimCloud.Cimom.Model;
using CimCloud.Cimom.Query.Syntax;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Query;

/// <summary>
/// Parses WQL and CQL (DSP0202) queries and binds them to a namespace schema. One grammar serves both
/// languages; they differ in string comparison, LIKE patterns and NULL comparisons (see Cimom/Query/README.md).
/// </summary>
/// <remarks>
/// <code>
/// SELECT (* | prop {, prop}) FROM Class [[AS] alias] [WHERE condition]
/// </code>
/// Conditions: <c>OR</c>, <c>AND</c>, <c>NOT</c> (binding tighter in that order) and parentheses over
/// comparisons (<c>= &lt;&gt; != &lt; &lt;= &gt; &gt;=</c>) of properties and literals, <c>prop [NOT] LIKE 'pattern'</c>,
/// <c>prop IS [NOT] NULL</c> and <c>ISA</c>. Properties may be qualified by the class or alias. Literals:
/// 'single' or "double" quoted strings, integers (decimal, 0x hex, signed), reals, TRUE, FALSE, NULL.
/// </remarks>
public static class CimQueryParser
{
    /// <summary>
    /// Parses <paramref name="text"/> in <paramref name="language"/> and binds it to <paramref name="schema"/>.
    /// Throws <see cref="CimException"/>: <see cref="CimStatusCode.QueryLanguageNotSupported"/> for a language
    /// other than <see cref="CimQueryLanguages.Wql"/> and <see cref="CimQueryLanguages.Cql"/>;
    /// <see cref="CimStatusCode.InvalidQuery"/> for syntax errors ("syntax error at column N: expected X, found Y"),
    /// an unknown FROM class, unknown properties, and operands that cannot be compared.
    /// </summary>
    public static CimQuery Parse(string text, string language, CimSchema schema)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(schema);
        var canonical = CimQueryLanguages.Normalize(language)
            ?? throw new CimException(CimStatusCode.QueryLanguageNotSupported,
                $"query language '{language}' is not supported; use {CimQueryLanguages.Wql} or {CimQueryLanguages.Cql}");
        var syntax = QueryGrammar.Parse(text, canonical);
        return QueryBinder.Bind(syntax, canonical, text, schema);
    }
}
