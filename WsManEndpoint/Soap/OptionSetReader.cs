using System.Globalization;
using System.Xml.Linq;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// Reads <c>wsman:OptionSet</c> (spec digest §4): options the service does not know are ignored unless MustComply
/// (or the OptionSet itself is mustUnderstand) — then <c>wsman:InvalidOptions</c>/NotSupported; a missing name is
/// InvalidName; a value that does not match its declared xs: Type is InvalidValue.
/// </summary>
internal static class OptionSetReader
{
    private static readonly XNamespace Wsman = WsManNamespaces.WsMan;

    public static List<WsManOption> Read(XElement? optionSet, bool mustUnderstand, IReadOnlySet<string> supported)
    {
        var list = new List<WsManOption>();
        if (optionSet is null)
            return list;
        foreach (var option in optionSet.Elements(Wsman + "Option"))
        {
            var name = option.Attribute("Name")?.Value.Trim();
            if (string.IsNullOrEmpty(name))
                throw WsManFaults.InvalidOptions("InvalidName", "a wsman:Option has no Name");
            var mustComply = option.Attribute("MustComply")?.Value.Trim() is "true" or "1";
            var type = option.Attribute("Type")?.Value.Trim();
            var value = option.Value.Trim();
            if (!supported.Contains(name))
            {
                if (mustComply || mustUnderstand)
                    throw WsManFaults.InvalidOptions("NotSupported", $"option {name} is not supported");
                continue;
            }

            if (!ValueMatchesType(value, type))
                throw WsManFaults.InvalidOptions("InvalidValue", $"option {name}: '{value}' is not a valid {type}");
            list.Add(new WsManOption(name, type, mustComply, value));
        }

        return list;
    }

    private static bool ValueMatchesType(string value, string? type)
    {
        var local = type is null ? null : type[(type.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return local switch
        {
            null or "" or "string" => true,
            "boolean" => value is "true" or "false" or "1" or "0",
            "int" or "integer" or "long" or "unsignedInt" or "unsignedLong" or "short" or "unsignedShort" =>
                long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                || ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            "duration" => XsDuration.TryParse(value, out _),
            _ => true,
        };
    }
}
