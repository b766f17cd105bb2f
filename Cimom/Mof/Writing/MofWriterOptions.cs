namespace CimCloud.Cimom.Mof.Writing;

/// <summary>Options of <see cref="MofWriter"/>.</summary>
public sealed class MofWriterOptions
{
    public static MofWriterOptions Default { get; } = new();

    /// <summary>
    /// Written as a <c>//</c> comment block at the top (one comment line per text line); null writes none.
    /// </summary>
    public string? Header { get; init; }

    /// <summary>
    /// When set, the output starts with <c>#pragma namespace("...")</c> so that it compiles into that
    /// namespace whatever the compiler's default namespace is. Null writes no pragma.
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>One level of indentation (class features, instance values).</summary>
    public string Indent { get; init; } = "    ";

    /// <summary>A qualifier list longer than this is written one qualifier per line.</summary>
    public int MaxQualifierLineLength { get; init; } = 100;
}
