using System.Globalization;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Converts one selector to the typed value of its key. A value of the wrong kind is <c>TypeMismatch</c>; a value of
/// the right kind that is out of range or illegal (uint8 300, month 13) is <c>InvalidValue</c>.
/// </summary>
internal static class SelectorValueParser
{
    public static object Parse(Selector selector, CimProperty key, Func<string, CimClass?> classLookup, int depth)
    {
        if (key.CimType == CimType.Reference)
            return ParseReference(selector, key, classLookup, depth);
        if (selector.EndpointReference is not null)
            throw Mismatch(selector, key, "an endpoint reference was given for a key that is not a reference");
        var text = selector.Value ?? string.Empty;
        switch (key.CimType)
        {
            case CimType.String:
                return text;
            case CimType.DateTime:
                try
                {
                    return CimDateTimeXmlParser.ParseText(text);
                }
                catch (FormatException ex)
                {
                    throw CimDateTimeXmlParser.LooksLikeCimDateTime(text) ? Invalid(selector, key, ex.Message) : Mismatch(selector, key, ex.Message);
                }

            case CimType.Instance:
                throw Mismatch(selector, key, "embedded instances cannot be keys");
            default:
                try
                {
                    return CimValueConverter.FromText(text, key.DataType.ElementType)!;
                }
                catch (CimException ex)
                {
                    throw IsRightKind(text, key.CimType) ? Invalid(selector, key, ex.Message) : Mismatch(selector, key, ex.Message);
                }
        }
    }

    private static CimObjectPath ParseReference(Selector selector, CimProperty key, Func<string, CimClass?> classLookup, int depth)
    {
        CimObjectPath path;
        if (selector.EndpointReference is { } epr)
        {
            path = EndpointReferenceBinder.Bind(epr, classLookup, null, depth + 1);
        }
        else if (!CimObjectPath.TryParse(selector.Value ?? string.Empty, out path!, out var error))
        {
            throw Mismatch(selector, key, $"a reference key needs a nested wsa:EndpointReference or an object path ({error})");
        }

        if (!ReferenceClassCheck.Fits(path.ClassName, key.ReferenceClassName, classLookup))
            throw Mismatch(selector, key, $"the reference names class {path.ClassName}, not a {key.ReferenceClassName}");
        return path;
    }

    // Numbers written as numbers (and reals as reals) are the right kind even when the value does not fit.
    private static bool IsRightKind(string text, CimType type)
    {
        var t = text.Trim();
        if (CimTypeInfo.IsInteger(type))
        {
            var body = t.StartsWith('+') || t.StartsWith('-') ? t[1..] : t;
            if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                return body.Length > 2 && body.AsSpan(2).ContainsOnlyHex();
            return body.Length > 0 && body.AsSpan().ContainsOnlyDigits();
        }

        return CimTypeInfo.IsReal(type) && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> s) => s.IndexOfAnyExceptInRange('0', '9') < 0;

    private static bool ContainsOnlyHex(this ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }

        return true;
    }

    private static WsManFault Mismatch(Selector s, CimProperty key, string why) =>
        WsManFaults.InvalidSelectors(SelectorFaultDetails.TypeMismatch, $"selector {s.Name}: value '{s.Value}' does not fit key {key.Name} ({key.DataType}): {why}");

    private static WsManFault Invalid(Selector s, CimProperty key, string why) =>
        WsManFaults.InvalidSelectors(SelectorFaultDetails.InvalidValue, $"selector {s.Name}: value '{s.Value}' is not a valid {key.DataType} for key {key.Name}: {why}");
}
