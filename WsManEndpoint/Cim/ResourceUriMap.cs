using System.Diagnostics.CodeAnalysis;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Class resource URIs (DSP0227; spec digest §10.1). Output always uses the DMTF prefix. Input also accepts the
/// same path shape on any vendor host (<c>http://schemas.dell.com/wbem/wscim/1/cim-schema/2/DCIM_X</c>) and the
/// Microsoft WMI form <c>http://schemas.microsoft.com/wbem/wsman/1/wmi/&lt;ns path&gt;/&lt;Class or *&gt;</c>.
/// </summary>
public static class ResourceUriMap
{
    /// <summary>Prefix of DMTF class resource URIs; the class name follows.</summary>
    public const string DmtfClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

    /// <summary>The all-classes URI (Enumerate with a filter naming the class).</summary>
    public const string AllClassesUri = "http://schemas.dmtf.org/wbem/wscim/1/*";

    /// <summary>Prefix of the Microsoft WMI resource URIs; a namespace path and a class name (or <c>*</c>) follow.</summary>
    public const string MicrosoftWmiPrefix = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";

    private const string ClassPath = "wbem/wscim/1/cim-schema/2/";
    private const string AllClassesPath = "wbem/wscim/1/*";
    private const string MicrosoftHost = "schemas.microsoft.com";
    private const string MicrosoftWmiPath = "wbem/wsman/1/wmi/";

    /// <summary>The resource URI of a class: the DMTF prefix plus the class name as given.</summary>
    public static string ForClass(string className)
    {
        ArgumentException.ThrowIfNullOrEmpty(className);
        return DmtfClassPrefix + className;
    }

    /// <summary>Parses a class or all-classes resource URI; false for anything else (the caller faults).</summary>
    public static bool TryParse([NotNullWhen(true)] string? uri, [NotNullWhen(true)] out ParsedResourceUri? result)
    {
        result = null;
        if (uri is null)
            return false;
        var text = uri.Trim();
        if (text.StartsWith(DmtfClassPrefix, StringComparison.Ordinal))
        {
            // Fast path for the form every client sends.
            var name = text[DmtfClassPrefix.Length..];
            return IsClassName(name) && Set(text, name, null, out result);
        }

        if (!TrySplit(text, out var host, out var path))
            return false;
        if (path.Equals(AllClassesPath, StringComparison.OrdinalIgnoreCase))
            return Set(text, null, null, out result);
        if (path.StartsWith(ClassPath, StringComparison.OrdinalIgnoreCase))
        {
            var name = path[ClassPath.Length..];
            return IsClassName(name) && Set(text, name, null, out result);
        }

        if (host.Equals(MicrosoftHost, StringComparison.OrdinalIgnoreCase) && path.StartsWith(MicrosoftWmiPath, StringComparison.OrdinalIgnoreCase))
            return TryParseWmi(text, path[MicrosoftWmiPath.Length..], out result);
        return false;
    }

    /// <summary>The class a class resource URI names (null for all-classes and unknown URIs).</summary>
    public static string? ClassNameOf(string? uri) => TryParse(uri, out var parsed) ? parsed.ClassName : null;

    // <ns segment>{/<ns segment>}/<Class or *>
    private static bool TryParseWmi(string text, string rest, [NotNullWhen(true)] out ParsedResourceUri? result)
    {
        result = null;
        var slash = rest.LastIndexOf('/');
        if (slash <= 0)
            return false;
        var ns = rest[..slash];
        var last = rest[(slash + 1)..];
        foreach (var segment in ns.Split('/'))
        {
            if (!IsClassName(segment))
                return false;
        }

        if (last == "*")
            return Set(text, null, ns, out result);
        return IsClassName(last) && Set(text, last, ns, out result);
    }

    private static bool TrySplit(string text, out string host, out string path)
    {
        host = path = string.Empty;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
            return false;
        var s = text[..scheme];
        if (!s.Equals("http", StringComparison.OrdinalIgnoreCase) && !s.Equals("https", StringComparison.OrdinalIgnoreCase))
            return false;
        var hostStart = scheme + 3;
        var slash = text.IndexOf('/', hostStart);
        if (slash <= hostStart)
            return false;
        host = text[hostStart..slash];
        path = text[(slash + 1)..];
        return true;
    }

    private static bool Set(string uri, string? className, string? ns, out ParsedResourceUri result)
    {
        result = new ParsedResourceUri(uri, className, ns);
        return true;
    }

    /// <summary>A CIM identifier: a letter or underscore, then letters, digits and underscores.</summary>
    internal static bool IsClassName(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
            return false;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
                return false;
        }

        return true;
    }
}
