using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Schema;

/// <summary>MOF 2.x spells embedded objects as strings with EmbeddedInstance/EmbeddedObject; this maps them to CimType.Instance.</summary>
internal static class EmbeddedTypes
{
    public static CimDataType Apply(CimDataType declared, CimQualifierSet qualifiers, string element, SourceLocation? location, ErrorSink sink)
    {
        var embeddedInstance = qualifiers.Find("EmbeddedInstance");
        var embeddedObject = qualifiers.IsTrue("EmbeddedObject");
        if (embeddedInstance?.Value is not string className && !embeddedObject)
            return declared;
        if (declared.Type is not (CimType.String or CimType.Instance))
        {
            sink.Error(location, CimStatusCode.TypeMismatch, $"{element}: EmbeddedInstance/EmbeddedObject needs type string, not {declared}");
            return declared;
        }

        return declared with { Type = CimType.Instance, ClassName = embeddedInstance?.Value as string };
    }
}
