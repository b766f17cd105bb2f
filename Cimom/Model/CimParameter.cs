namespace CimCloud.Cimom.Model;

/// <summary>A method parameter. In defaults to true and Out to false (DSP0004 declarations).</summary>
public sealed record CimParameter(string Name, CimDataType DataType, CimQualifierSet Qualifiers, SourceLocation? Location = null)
{
    public bool IsIn => Qualifiers.Find("In")?.Value is not false;

    public bool IsOut => Qualifiers.IsTrue("Out");

    public override string ToString() => $"{DataType} {Name}";
}
