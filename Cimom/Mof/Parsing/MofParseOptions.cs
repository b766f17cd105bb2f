namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>Options for <see cref="MofParser"/>.</summary>
public sealed class MofParseOptions
{
    /// <summary>
    /// Folders searched, in order, for a <c>#pragma include</c> file that is not found relative to the
    /// including file's folder.
    /// </summary>
    public IReadOnlyList<string> IncludeDirectories { get; init; } = [];

    /// <summary>
    /// Vendor mode: undefined string escapes (<c>\)</c>) keep the character after the backslash with a
    /// warning instead of an error; a stray top-level <c>;</c> is a warning.
    /// </summary>
    public bool Lenient { get; init; }
}
