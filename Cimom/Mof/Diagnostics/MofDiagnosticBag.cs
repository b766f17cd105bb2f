using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Mof.Diagnostics;

/// <summary>Collects diagnostics during parsing and binding.</summary>
public sealed class MofDiagnosticBag
{
    private readonly List<MofDiagnostic> _items = [];

    public IReadOnlyList<MofDiagnostic> Items => _items;

    public int ErrorCount { get; private set; }

    public int WarningCount => _items.Count - ErrorCount;

    public bool HasErrors => ErrorCount > 0;

    public void Error(SourceLocation location, string message)
    {
        _items.Add(new MofDiagnostic(location, MofSeverity.Error, message));
        ErrorCount++;
    }

    public void Warning(SourceLocation location, string message) =>
        _items.Add(new MofDiagnostic(location, MofSeverity.Warning, message));

    public void Add(MofDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _items.Add(diagnostic);
        if (diagnostic.IsError)
            ErrorCount++;
    }

    public void AddRange(IEnumerable<MofDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var d in diagnostics)
            Add(d);
    }
}
