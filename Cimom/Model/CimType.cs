namespace CimCloud.Cimom.Model;

/// <summary>The DSP0004 intrinsic types (scalar form; arrayness lives in <see cref="CimDataType"/>).</summary>
public enum CimType : byte
{
    Boolean,
    UInt8,
    SInt8,
    UInt16,
    SInt16,
    UInt32,
    SInt32,
    UInt64,
    SInt64,
    Real32,
    Real64,
    Char16,
    String,
    DateTime,
    /// <summary>An object path to an instance of a class (MOF <c>Class REF name</c>).</summary>
    Reference,
    /// <summary>An embedded instance or object (MOF 2.x: a string with EmbeddedInstance/EmbeddedObject).</summary>
    Instance,
}
