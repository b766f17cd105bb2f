using System.Reflection;
using CimCloud.Cimom.Mof.Binding;
using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Parsing;
using CimCloud.Cimom.Mof.Syntax;

namespace CimCloud.Cimom.Schema;

/// <summary>The DSP0004 standard and optional qualifier types (embedded MOF), compiled once.</summary>
internal static class StandardQualifiers
{
    private const string ResourceName = "CimCloud.Cimom.StandardQualifiers.mof";
    private static readonly Lazy<CimSchema> Lazy = new(Load);

    public static CimSchema Schema => Lazy.Value;

    private static CimSchema Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var parsed = MofParser.ParseText(reader.ReadToEnd(), "<standard-qualifiers>", new MofParseOptions());
        var diagnostics = new MofDiagnosticBag();
        diagnostics.AddRange(parsed.Diagnostics);
        var binder = new QualifierBinder(diagnostics, new ValueBinder(diagnostics), lenient: false);
        var builder = new CimSchemaBuilder(CimSchema.Empty);
        foreach (var declaration in parsed.Productions.OfType<MofQualifierDeclaration>())
        {
            if (binder.BindDeclaration(declaration) is { } bound)
            {
                foreach (var problem in builder.AddQualifier(bound, declaration.Location))
                    diagnostics.Error(declaration.Location, problem.Message);
            }
        }

        if (diagnostics.HasErrors)
            throw new InvalidOperationException("standard qualifier MOF is broken: " + string.Join("; ", diagnostics.Items));
        return builder.Build();
    }
}
