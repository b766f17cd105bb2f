namespace CimCloud.Cimom.Query;

/// <summary>The query languages <see cref="CimQueryParser"/> understands (names as used by CIM-XML ExecQuery and WS-Man).</summary>
public static class CimQueryLanguages
{
    /// <summary>WMI Query Language (the subset described in <see cref="CimQueryParser"/>).</summary>
    public const string Wql = "WQL";

    /// <summary>DMTF CIM Query Language, DSP0202 (the same subset, with CQL string and LIKE semantics).</summary>
    public const string Cql = "DMTF:CQL";

    /// <summary>True for <see cref="Wql"/> and <see cref="Cql"/>, in any case.</summary>
    public static bool IsSupported(string language) => Normalize(language) is not null;

    /// <summary>The canonical spelling of a supported language, or null.</summary>
    internal static string? Normalize(string? language) =>
        string.Equals(language, Wql, StringComparison.OrdinalIgnoreCase) ? Wql
        : string.Equals(language, Cql, StringComparison.OrdinalIgnoreCase) ? Cql
        : null;
}
