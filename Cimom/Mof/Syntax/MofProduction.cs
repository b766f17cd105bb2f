using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Mof.Syntax;

/// <summary>A top-level MOF statement. Includes are expanded by the parser; other pragmas stay in the stream.</summary>
public abstract record MofProduction(SourceLocation Location);

/// <summary><c>#pragma name("value")</c> other than include (locale, namespace, instancelocale, unknown).</summary>
public sealed record MofPragma(SourceLocation Location, string Name, string Value) : MofProduction(Location);

/// <summary><c>Qualifier Name : type [= default], Scope(...) [, Flavor(...)];</c>. Flavors are those written (none means default).</summary>
public sealed record MofQualifierDeclaration(SourceLocation Location, string Name, MofTypeRef Type, MofValue? DefaultValue,
    CimScope Scope, CimFlavor Flavors) : MofProduction(Location);

/// <summary>
/// <c>[quals] class Name [as $alias] [: Super] { features };</c>. Association and indication classes are
/// classes whose qualifier list says so.
/// </summary>
public sealed record MofClassDeclaration(SourceLocation Location, IReadOnlyList<MofQualifierValue> Qualifiers, string Name,
    string? SuperClass, IReadOnlyList<MofFeature> Features) : MofProduction(Location);

/// <summary><c>[quals] instance of Class [as $alias] { Prop = value; ... };</c>.</summary>
public sealed record MofInstanceDeclaration(SourceLocation Location, IReadOnlyList<MofQualifierValue> Qualifiers, string ClassName,
    string? Alias, IReadOnlyList<MofPropertyValue> Values) : MofProduction(Location);

/// <summary>A property assignment inside an instance declaration.</summary>
public sealed record MofPropertyValue(SourceLocation Location, IReadOnlyList<MofQualifierValue> Qualifiers, string Name, MofValue Value);
