using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Schema;

/// <summary>A DSP0004 rule violation found while resolving a class or qualifier declaration.</summary>
public sealed record SchemaDiagnostic(SourceLocation? Location, CimStatusCode Code, string Message, bool IsWarning = false)
{
    public CimException ToException() => new(Code, Message);

    public override string ToString() => Location is { } l ? $"{l}: {Message}" : Message;
}
