using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Operations;

/// <summary>Turns the first error among schema diagnostics into its CimException.</summary>
internal static class SchemaErrors
{
    public static void ThrowIfAny(IEnumerable<SchemaDiagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => !d.IsWarning).ToList();
        if (errors.Count == 0)
            return;
        var first = errors[0];
        throw errors.Count == 1
            ? first.ToException()
            : new Model.CimException(first.Code, string.Join("; ", errors.Select(e => e.Message)));
    }

    public static void ThrowIf(SchemaDiagnostic? error)
    {
        if (error is not null)
            throw error.ToException();
    }
}
