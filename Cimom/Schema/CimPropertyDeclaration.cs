using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Schema;

/// <summary>A property or reference as declared in a class (default value already typed).</summary>
public sealed record CimPropertyDeclaration(
    string Name,
    CimDataType DataType,
    object? DefaultValue,
    IReadOnlyList<CimQualifier> Qualifiers,
    SourceLocation? Location = null);
