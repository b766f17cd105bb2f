using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Mof.Syntax;

/// <summary>
/// One qualifier in a qualifier list: <c>Name</c>, <c>Name(value)</c> or <c>Name {a, b}</c>, with optional
/// <c>: flavor ...</c>. <see cref="Value"/> is null when only the name was written.
/// </summary>
public sealed record MofQualifierValue(SourceLocation Location, string Name, MofValue? Value, CimFlavor Flavors);
