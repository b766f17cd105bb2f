namespace CimCloud.Cimom.Model;

/// <summary>
/// The declared type of a property, parameter or qualifier: a <see cref="CimType"/>, whether it is an
/// array (and its fixed size, if any), and for references/embedded instances the class it names.
/// </summary>
public readonly record struct CimDataType(CimType Type, bool IsArray = false, int? ArraySize = null, string? ClassName = null)
{
    public static CimDataType Scalar(CimType type) => new(type);

    public static CimDataType ArrayOf(CimType type, int? size = null) => new(type, true, size);

    public static CimDataType ReferenceTo(string className, bool isArray = false) => new(CimType.Reference, isArray, null, className);

    public bool IsReference => Type == CimType.Reference;

    public CimDataType ElementType => this with { IsArray = false, ArraySize = null };

    public bool Equals(CimDataType other) =>
        Type == other.Type && IsArray == other.IsArray && ArraySize == other.ArraySize &&
        string.Equals(ClassName, other.ClassName, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() =>
        HashCode.Combine(Type, IsArray, ArraySize, ClassName is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(ClassName));

    /// <summary>MOF-like spelling, e.g. <c>uint16[]</c>, <c>CIM_System REF</c>.</summary>
    public override string ToString()
    {
        var core = Type == CimType.Reference ? $"{ClassName} REF" : CimTypeInfo.ToMofName(Type);
        return IsArray ? $"{core}[{ArraySize}]" : core;
    }
}
