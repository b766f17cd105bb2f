using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Schema;

/// <summary>A method as declared in a class. Parameter qualifiers are the ones written (usage flavors as in <see cref="CimClassDeclaration"/>).</summary>
public sealed record CimMethodDeclaration(
    string Name,
    CimType ReturnType,
    IReadOnlyList<CimParameter> Parameters,
    IReadOnlyList<CimQualifier> Qualifiers,
    SourceLocation? Location = null);
