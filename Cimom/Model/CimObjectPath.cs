using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CimCloud.Cimom.Model;

/// <summary>
/// A CIM object path: optional host and namespace, a class name and (for instance paths) key
/// bindings. Equality is case-insensitive on names and ignores the host; key values compare by value.
/// </summary>
/// <remarks>
/// <para>
/// Equality and hashing use <see cref="CanonicalForm"/>: the <see cref="Host"/> is ignored, namespace,
/// class and key names compare case-insensitively, key values case-sensitively by their text form (so a
/// uint16 5 equals a sint64 5, but a string value holding a path is not equal to a reference value).
/// </para>
/// <para>
/// <see cref="Parse"/> accepts DSP0207 WBEM URIs and untyped CIM-XML style paths (see <c>ObjectPathParser</c>);
/// <see cref="ToString"/> writes a form that parses back to an equal path.
/// </para>
/// </remarks>
public sealed class CimObjectPath : IEquatable<CimObjectPath>
{
    private string? _canonical;

    public CimObjectPath(string? host, string? @namespace, string className, IEnumerable<CimKeyBinding>? keyBindings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(className);
        Host = string.IsNullOrEmpty(host) ? null : host;
        Namespace = string.IsNullOrEmpty(@namespace) ? null : NormalizeNamespace(@namespace);
        ClassName = className;
        var keys = keyBindings?.ToArray() ?? [];
        Array.Sort(keys, static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        KeyBindings = keys;
    }

    public CimObjectPath(string? @namespace, string className, IEnumerable<CimKeyBinding>? keyBindings = null)
        : this(null, @namespace, className, keyBindings)
    {
    }

    public string? Host { get; }

    /// <summary>The namespace with '/' separators and no leading or trailing slash, e.g. <c>root/cimv2</c>.</summary>
    public string? Namespace { get; }

    public string ClassName { get; }

    /// <summary>Key bindings sorted by name (case-insensitive).</summary>
    public IReadOnlyList<CimKeyBinding> KeyBindings { get; }

    public bool IsClassPath => KeyBindings.Count == 0;

    public CimKeyBinding? FindKey(string name) =>
        KeyBindings.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    public CimObjectPath WithNamespace(string? @namespace) => new(Host, @namespace, ClassName, KeyBindings);

    public CimObjectPath WithHost(string? host) => new(host, Namespace, ClassName, KeyBindings);

    public CimObjectPath WithoutHostAndNamespace() => Host is null && Namespace is null ? this : new(null, null, ClassName, KeyBindings);

    /// <summary>
    /// The canonical form: lower-case namespace, class and key names, keys sorted, values in a fixed
    /// format. Two paths are equal exactly when their canonical forms are.
    /// </summary>
    public string CanonicalForm => _canonical ??= BuildCanonical();

    public static string NormalizeNamespace(string @namespace)
    {
        ArgumentNullException.ThrowIfNull(@namespace);
        var ns = @namespace.Replace('\\', '/').Trim('/');
        return ns;
    }

    /// <summary>
    /// Parses a WBEM URI (DSP0207) or an untyped CIM path: <c>[scheme:][//host[:port]]/namespace:Class[.key=value{,key=value}]</c>,
    /// <c>namespace:Class.key=value</c> or <c>Class.key=value</c>. Untyped key values: <c>"string"</c> (with <c>\"</c>
    /// and <c>\\</c> escapes; a quoted path stays a string), integers (decimal or <c>0x</c> hex; sint64, or uint64
    /// when larger), reals (real64), <c>TRUE</c>/<c>FALSE</c>. Typed values (<c>(uint16)5</c>,
    /// <c>(datetime)"..."</c>, <c>(reference)"..."</c>) get the stated type.
    /// Throws <see cref="CimException"/> (<see cref="CimStatusCode.InvalidParameter"/>) naming the column and what was expected.
    /// </summary>
    public static CimObjectPath Parse(string text) => ObjectPathParser.Parse(text);

    /// <summary>Like <see cref="Parse"/>, but returns false with the message in <paramref name="error"/>.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out CimObjectPath? path, out string error) => ObjectPathParser.TryParse(text, out path, out error);

    public bool Equals(CimObjectPath? other) =>
        other is not null && string.Equals(CanonicalForm, other.CanonicalForm, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as CimObjectPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalForm);

    /// <summary>
    /// The WBEM URI form users see in errors and logs, e.g. <c>//host/root/cimv2:CIM_Foo.Name="x",Id=5</c>.
    /// Reference and datetime key values are written typed (<c>(reference)"..."</c>, <c>(datetime)"..."</c>)
    /// so that <see cref="Parse"/> gives back an equal path.
    /// </summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Host is not null)
            sb.Append("//").Append(Host);
        if (Namespace is not null)
            sb.Append('/').Append(Namespace).Append(':');
        else if (Host is not null)
            sb.Append('/');
        sb.Append(ClassName);
        AppendKeys(sb, canonical: false);
        return sb.ToString();
    }

    private string BuildCanonical()
    {
        var sb = new StringBuilder();
        if (Namespace is not null)
            sb.Append(Namespace.ToLowerInvariant()).Append(':');
        sb.Append(ClassName.ToLowerInvariant());
        AppendKeys(sb, canonical: true);
        return sb.ToString();
    }

    private void AppendKeys(StringBuilder sb, bool canonical)
    {
        for (var i = 0; i < KeyBindings.Count; i++)
        {
            var k = KeyBindings[i];
            sb.Append(i == 0 ? '.' : ',');
            sb.Append(canonical ? k.Name.ToLowerInvariant() : k.Name).Append('=');
            AppendKeyValue(sb, k.Value, canonical);
        }
    }

    internal static void AppendKeyValue(StringBuilder sb, object value, bool canonical)
    {
        switch (value)
        {
            case string s:
                AppendQuoted(sb, s);
                break;
            case char c:
                AppendQuoted(sb, c.ToString());
                break;
            case bool b:
                sb.Append(b ? "TRUE" : "FALSE");
                break;
            case CimDateTime dt:
                if (!canonical)
                    sb.Append("(datetime)");
                AppendQuoted(sb, dt.Text);
                break;
            case CimObjectPath p:
                if (!canonical)
                    sb.Append("(reference)");
                AppendQuoted(sb, canonical ? p.CanonicalForm : p.ToString());
                break;
            case float f:
                AppendReal(sb, f.ToString("R", CultureInfo.InvariantCulture), canonical);
                break;
            case double d:
                AppendReal(sb, d.ToString("R", CultureInfo.InvariantCulture), canonical);
                break;
            case IFormattable f:
                sb.Append(f.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                AppendQuoted(sb, value.ToString() ?? string.Empty);
                break;
        }
    }

    // Outside the canonical form a whole real gets ".0" so that it parses back as a real, not an integer.
    private static void AppendReal(StringBuilder sb, string text, bool canonical)
    {
        sb.Append(text);
        if (!canonical && text.AsSpan().IndexOfAny(".EeNI") < 0)
            sb.Append(".0");
    }

    private static void AppendQuoted(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            if (c is '"' or '\\')
                sb.Append('\\');
            sb.Append(c);
        }

        sb.Append('"');
    }
}
