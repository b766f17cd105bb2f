using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Schema;

/// <summary>Collects schema diagnostics for one declaration and remembers whether any was an error.</summary>
internal sealed class ErrorSink(ICollection<SchemaDiagnostic> diagnostics)
{
    public bool Failed { get; private set; }

    public void Error(SourceLocation? location, CimStatusCode code, string message)
    {
        Failed = true;
        diagnostics.Add(new SchemaDiagnostic(location, code, message));
    }

    public void Warning(SourceLocation? location, string message) =>
        diagnostics.Add(new SchemaDiagnostic(location, CimStatusCode.Ok, message, IsWarning: true));
}
