namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>
/// Parses MOF 2.x (DSP0004 Annex A) into <see cref="Syntax.MofProduction"/>s. <c>#pragma include</c> is
/// expanded in place; every other pragma is kept as a <see cref="Syntax.MofPragma"/>. Bad input gives
/// located diagnostics, never exceptions. Thread-safe: each call is independent.
/// </summary>
public static class MofParser
{
    /// <summary>
    /// Reads <paramref name="path"/> (UTF-8 with or without BOM, UTF-16 with BOM) and parses it with its
    /// includes. Included files are looked up relative to the including file's folder first, then in each
    /// <see cref="MofParseOptions.IncludeDirectories"/> entry; locations use the paths as composed.
    /// </summary>
    public static MofParseResult ParseFile(string path, MofParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new MofParseSession(options).ParseFile(path);
    }

    /// <summary>
    /// Parses MOF text held in memory. <paramref name="fileName"/> is used in locations and as the base for
    /// relative includes.
    /// </summary>
    public static MofParseResult ParseText(string text, string fileName, MofParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return new MofParseSession(options).ParseText(text, fileName);
    }
}
