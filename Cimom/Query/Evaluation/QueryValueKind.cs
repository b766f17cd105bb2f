namespace CimCloud.Cimom.Query.Evaluation;

/// <summary>How values of a property type compare (decided at bind time from the declared type).</summary>
internal enum QueryValueKind : byte
{
    /// <summary>Integers and reals, by numeric value across widths.</summary>
    Numeric,

    /// <summary>Strings and char16, ordinally (case-insensitive in WQL).</summary>
    Text,

    /// <summary>CimDateTime: timestamps as instants, intervals by duration.</summary>
    DateTime,

    /// <summary>Booleans: = and &lt;&gt; only.</summary>
    Boolean,

    /// <summary>Object paths: = and &lt;&gt; only.</summary>
    Reference,

    /// <summary>Embedded instances: ISA and IS NULL only.</summary>
    Instance,
}
