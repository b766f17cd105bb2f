namespace CimCloud.Cimom.Mof;

/// <summary>Options of one MOF compilation.</summary>
public sealed class MofCompilerOptions
{
    /// <summary>
    /// Accept real-world vendor MOF: unknown string escapes are taken literally, a bare Override names
    /// the element it is on, an inherited property redeclared without Override is an implicit override,
    /// an undeclared qualifier is declared on the fly, a scalar given for an array qualifier is
    /// wrapped, an Association qualifier below a non-association is ignored, and an instance without
    /// all key values is skipped; each is reported as a warning instead of an error.
    /// </summary>
    public bool Lenient { get; init; }

    /// <summary>The namespace used until a <c>#pragma namespace</c> says otherwise.</summary>
    public string DefaultNamespace { get; init; } = "root/cimv2";

    /// <summary>Folders searched for <c>#pragma include</c> after the including file's own folder.</summary>
    public IReadOnlyList<string> IncludeDirectories { get; init; } = [];
}
