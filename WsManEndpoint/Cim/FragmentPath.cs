using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// A level-1 XPath fragment expression (spec digest §7.4): <c>Prop</c>, <c>Prop[n]</c> (1-based), <c>Prop/text()</c>,
/// <c>Prop[n]/text()</c>; a leading <c>/</c> and a namespace prefix on the step (<c>p:Prop</c>) are tolerated.
/// Anything else is <c>wxf:InvalidRepresentation</c> / InvalidFragment.
/// </summary>
/// <param name="PropertyName">The property step as written (without prefix).</param>
/// <param name="Index">The 1-based index, or null for every element.</param>
/// <param name="IsText">The expression ends in <c>/text()</c>: the fragment is the text value, not elements.</param>
public sealed record FragmentPath(string PropertyName, int? Index = null, bool IsText = false)
{
    private const string TextStep = "/text()";

    /// <summary>Parses the content of <c>wsman:FragmentTransfer</c>; throws InvalidFragment.</summary>
    public static FragmentPath Parse(string? text) =>
        TryParse(text, out var path, out var error) ? path : throw RepresentationFaults.InvalidFragment(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out FragmentPath? path, out string error)
    {
        path = null;
        var s = text?.Trim() ?? string.Empty;
        var original = s;
        if (s.StartsWith('/'))
            s = s[1..];
        var isText = s.EndsWith(TextStep, StringComparison.Ordinal);
        if (isText)
            s = s[..^TextStep.Length];
        int? index = null;
        if (s.EndsWith(']'))
        {
            var open = s.LastIndexOf('[');
            if (open < 0 || !int.TryParse(s.AsSpan(open + 1, s.Length - open - 2).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                error = $"fragment '{original}': an index must be a whole number from 1, as in Prop[1]";
                return false;
            }

            index = n;
            s = s[..open].TrimEnd();
        }

        var colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (!ResourceUriMap.IsClassName(s[..colon]))
            {
                error = $"fragment '{original}': '{s[..colon]}' is not a namespace prefix";
                return false;
            }

            s = s[(colon + 1)..];
        }

        if (!ResourceUriMap.IsClassName(s))
        {
            error = $"fragment '{original}' is not supported; use Prop, Prop[n], Prop/text() or Prop[n]/text()";
            return false;
        }

        path = new FragmentPath(s, index, isText);
        error = string.Empty;
        return true;
    }

    /// <summary>The property the path selects; InvalidFragment when the class has none of that name.</summary>
    public CimProperty Resolve(CimClass cimClass)
    {
        ArgumentNullException.ThrowIfNull(cimClass);
        return cimClass.Properties.Find(PropertyName)
            ?? throw RepresentationFaults.InvalidFragment($"fragment {this} selects nothing: class {cimClass.Name} has no property {PropertyName}");
    }

    public override string ToString() =>
        PropertyName + (Index is { } i ? string.Create(CultureInfo.InvariantCulture, $"[{i}]") : string.Empty) + (IsText ? TextStep : string.Empty);
}
