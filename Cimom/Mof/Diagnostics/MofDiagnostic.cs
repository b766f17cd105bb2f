using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Mof.Diagnostics;

/// <summary>A located compiler message, printed as <c>path:line:col: error: message</c>.</summary>
public sealed record MofDiagnostic(SourceLocation Location, MofSeverity Severity, string Message)
{
    public bool IsError => Severity == MofSeverity.Error;

    public override string ToString() =>
        $"{Location}: {(Severity == MofSeverity.Error ? "error" : "warning")}: {Message}";
}
