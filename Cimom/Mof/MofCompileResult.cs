using CimCloud.Cimom.Mof.Diagnostics;

namespace CimCloud.Cimom.Mof;

/// <summary>The outcome of a compilation: every diagnostic, and the counts of what was declared.</summary>
public sealed record MofCompileResult(IReadOnlyList<MofDiagnostic> Diagnostics, MofCompileCounts Counts)
{
    /// <summary>No errors: everything was committed to the repository.</summary>
    public bool Success => !Diagnostics.Any(d => d.IsError);

    public IEnumerable<MofDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<MofDiagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}
