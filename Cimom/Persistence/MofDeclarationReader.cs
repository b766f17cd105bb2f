using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Binding;
using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Parsing;
using CimCloud.Cimom.Mof.Syntax;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Persistence;

/// <summary>
/// Reads the MOF text of one stored qualifier declaration or class back with the MOF compiler's parser and binders
/// (strict mode: the store holds what the MOF writer wrote). Errors are returned as <c>file:line:col</c> diagnostics.
/// </summary>
internal static class MofDeclarationReader
{
    private static readonly MofParseOptions ParseOptions = new();

    public static CimQualifierDeclaration? ReadQualifier(string text, string source, out string errors)
    {
        var diagnostics = new MofDiagnosticBag();
        var production = Parse<MofQualifierDeclaration>(text, source, diagnostics);
        var values = new ValueBinder(diagnostics);
        var declaration = production is null ? null : new QualifierBinder(diagnostics, values, lenient: false).BindDeclaration(production);
        errors = Errors(diagnostics);
        return diagnostics.HasErrors ? null : declaration;
    }

    /// <summary>Binds the class text and adds the class to <paramref name="builder"/>; null (with errors) when that fails.</summary>
    public static CimClass? AddClass(string text, string source, CimSchemaBuilder builder, out string errors)
    {
        var diagnostics = new MofDiagnosticBag();
        var production = Parse<MofClassDeclaration>(text, source, diagnostics);
        CimClass? added = null;
        if (production is not null)
        {
            var values = new ValueBinder(diagnostics);
            added = new ClassBinder(diagnostics, new QualifierBinder(diagnostics, values, lenient: false), values).Bind(production, builder);
        }

        errors = Errors(diagnostics);
        return diagnostics.HasErrors ? null : added;
    }

    private static T? Parse<T>(string text, string source, MofDiagnosticBag diagnostics)
        where T : MofProduction
    {
        var parsed = MofParser.ParseText(text, source, ParseOptions);
        diagnostics.AddRange(parsed.Diagnostics);
        var productions = parsed.Productions.OfType<T>().ToList();
        if (!parsed.HasErrors && productions.Count != 1)
            diagnostics.Error(new SourceLocation(source, 1, 1), $"expected one {typeof(T).Name}, found {productions.Count}");
        return productions.Count == 1 ? productions[0] : null;
    }

    private static string Errors(MofDiagnosticBag diagnostics) =>
        string.Join("; ", diagnostics.Items.Where(d => d.IsError).Select(d => d.ToString()));
}
