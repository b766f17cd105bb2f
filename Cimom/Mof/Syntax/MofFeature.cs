using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Mof.Syntax;

/// <summary>A class feature: property, reference or method.</summary>
public abstract record MofFeature(SourceLocation Location, IReadOnlyList<MofQualifierValue> Qualifiers, string Name);

/// <summary>A property or reference (<see cref="MofTypeRef.Type"/> is Reference for <c>Class REF Name</c>).</summary>
public sealed record MofPropertyDeclaration(SourceLocation Location, IReadOnlyList<MofQualifierValue> Qualifiers, MofTypeRef Type,
    string Name, MofValue? DefaultValue) : MofFeature(Location, Qualifiers, Name);

public sealed record MofMethodDeclaration(SourceLocation Location, IReadOnlyList<MofQualifierValue> Qualifiers, MofTypeRef ReturnType,
    string Name, IReadOnlyList<MofParameterDeclaration> Parameters) : MofFeature(Location, Qualifiers, Name);

public sealed record MofParameterDeclaration(SourceLocation Location, IReadOnlyList<MofQualifierValue> Qualifiers, MofTypeRef Type, string Name);
