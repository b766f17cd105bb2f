using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Parsing;
using CimCloud.Cimom.Mof.Syntax;
using FluentAssertions;

namespace CimCloud.Cimom.Tests.Mof.Parsing;

/// <summary>Small helpers shared by the MOF parser tests.</summary>
internal static class MofTestParse
{
    public const string FileName = "test.mof";

    public static MofParseResult Parse(string mof, bool lenient = false) =>
        MofParser.ParseText(mof, FileName, new MofParseOptions { Lenient = lenient });

    /// <summary>Parses and asserts that there is no diagnostic at all.</summary>
    public static IReadOnlyList<MofProduction> ParseClean(string mof, bool lenient = false)
    {
        var result = Parse(mof, lenient);
        result.Diagnostics.Should().BeEmpty();
        result.HasErrors.Should().BeFalse();
        return result.Productions;
    }

    public static T Single<T>(string mof) where T : MofProduction
    {
        var productions = ParseClean(mof);
        productions.Should().ContainSingle();
        return productions[0].Should().BeOfType<T>().Subject;
    }

    /// <summary>The value of <c>P</c> in <c>instance of X { P = literal; };</c>, asserting a clean parse.</summary>
    public static MofValue Value(string literal) =>
        Single<MofInstanceDeclaration>($"instance of X {{ P = {literal}; }};").Values.Single().Value;

    public static string StringValue(string literal) => Value(literal).Should().BeOfType<MofStringValue>().Subject.Value;

    public static IReadOnlyList<MofDiagnostic> Errors(this MofParseResult result) =>
        result.Diagnostics.Where(d => d.IsError).ToList();

    public static IReadOnlyList<MofDiagnostic> Warnings(this MofParseResult result) =>
        result.Diagnostics.Where(d => !d.IsError).ToList();

    /// <summary><c>line:col</c> of a diagnostic, for compact assertions.</summary>
    public static string At(this MofDiagnostic diagnostic) => $"{diagnostic.Location.Line}:{diagnostic.Location.Column}";
}
