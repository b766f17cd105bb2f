using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Mof.Syntax;

/// <summary>A literal or initializer as written in MOF, untyped until the binder checks it against a declaration.</summary>
public abstract record MofValue(SourceLocation Location);

public sealed record MofNullValue(SourceLocation Location) : MofValue(Location);

public sealed record MofBooleanValue(SourceLocation Location, bool Value) : MofValue(Location);

/// <summary>An integer literal (decimal, hex, octal or binary), sign included. Range is checked by the binder.</summary>
public sealed record MofIntegerValue(SourceLocation Location, Int128 Value, string Text) : MofValue(Location);

public sealed record MofRealValue(SourceLocation Location, double Value, string Text) : MofValue(Location);

/// <summary>A string literal after escape processing and adjacent-literal concatenation.</summary>
public sealed record MofStringValue(SourceLocation Location, string Value) : MofValue(Location);

public sealed record MofCharValue(SourceLocation Location, char Value) : MofValue(Location);

/// <summary>An alias reference, <c>$name</c> (Name without the dollar sign).</summary>
public sealed record MofAliasValue(SourceLocation Location, string Name) : MofValue(Location);

/// <summary>A brace list <c>{ a, b }</c>.</summary>
public sealed record MofArrayValue(SourceLocation Location, IReadOnlyList<MofValue> Items) : MofValue(Location);
