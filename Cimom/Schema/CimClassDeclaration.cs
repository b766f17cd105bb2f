using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Schema;

/// <summary>
/// A class as a client or the MOF compiler declares it: only its own (local) features and qualifiers,
/// not yet checked against the namespace. <see cref="ClassResolver"/> turns it into a <see cref="CimClass"/>.
/// Qualifier <see cref="CimQualifier.Flavor"/> here means the flavors given at the usage (None = none given).
/// </summary>
public sealed record CimClassDeclaration(
    string Name,
    string? SuperClassName,
    IReadOnlyList<CimQualifier> Qualifiers,
    IReadOnlyList<CimPropertyDeclaration> Properties,
    IReadOnlyList<CimMethodDeclaration> Methods,
    SourceLocation? Location = null);
