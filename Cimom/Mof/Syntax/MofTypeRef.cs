using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Mof.Syntax;

/// <summary>
/// A declared data type as written: an intrinsic type keyword, or a class name followed by REF.
/// <see cref="ArraySize"/> is set for <c>[16]</c>, null for <c>[]</c> or no array.
/// </summary>
public sealed record MofTypeRef(SourceLocation Location, CimType Type, string? ReferenceClass, bool IsArray, int? ArraySize)
{
    public CimDataType ToDataType() => new(Type, IsArray, ArraySize, ReferenceClass);
}
