using System.Globalization;
using System.Xml.Linq;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>
/// The body of <c>wsen:Enumerate</c> (spec digest §8.1), checked: EndTo refused (UnsupportedFeature/AddressingMode),
/// Expires as xs:duration or xs:dateTime (zero, negative or past → InvalidExpirationTime; other forms →
/// UnsupportedExpirationType), EnumerationMode, OptimizeEnumeration with MaxElements, PolymorphismMode (body child
/// or header) and at most one filter (<c>wsman:Filter</c> or <c>wsen:Filter</c>; both → CannotProcessFilter).
/// </summary>
internal sealed record EnumerateRequest
{
    private static readonly XNamespace Wsen = WsManNamespaces.Enumeration;
    private static readonly XNamespace Wsman = WsManNamespaces.WsMan;
    private static readonly XNamespace Wsmb = WsManNamespaces.CimBinding;

    /// <summary>Idle expiry asked by wsen:Expires (already capped); null = the server default.</summary>
    public TimeSpan? Expires { get; init; }

    public bool Optimize { get; init; }

    public int MaxElements { get; init; } = 1;

    public EnumerationMode Mode { get; init; }

    public PolymorphismMode Polymorphism { get; init; }

    /// <summary>The filter element (wsman:Filter or wsen:Filter), or null.</summary>
    public XElement? Filter { get; init; }

    /// <summary>The filter's dialect (XPath 1.0 when the Dialect attribute is absent).</summary>
    public string? Dialect { get; init; }

    public static EnumerateRequest Parse(WsManRequest request, TimeSpan maxExpiry)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body;
        if (body is null || body.Name != Wsen + "Enumerate")
            throw WsManFaults.SchemaValidationError("an Enumerate request needs a wsen:Enumerate body");
        if (body.Element(Wsen + "EndTo") is not null)
            throw WsManFaults.UnsupportedFeature("AddressingMode", "wsen:EndTo is not supported; enumerations end with EndOfSequence");

        var wsmanFilter = body.Element(Wsman + "Filter");
        var wsenFilter = body.Element(Wsen + "Filter");
        if (wsmanFilter is not null && wsenFilter is not null)
            throw WsManFaults.CannotProcessFilter("the request has both wsman:Filter and wsen:Filter; send one");
        var filter = wsmanFilter ?? wsenFilter;

        var optimize = body.Element(Wsman + "OptimizeEnumeration") is not null;
        return new EnumerateRequest
        {
            Expires = ParseExpires(body.Element(Wsen + "Expires")?.Value, maxExpiry),
            Optimize = optimize,
            MaxElements = optimize ? ParseMaxElements(body.Element(Wsman + "MaxElements")?.Value) : 1,
            Mode = ParseMode(body.Element(Wsman + "EnumerationMode")?.Value),
            Polymorphism = ParsePolymorphism(body.Element(Wsmb + "PolymorphismMode")?.Value ?? request.PolymorphismMode),
            Filter = filter,
            Dialect = filter is null ? null : filter.Attribute("Dialect")?.Value.Trim() is { Length: > 0 } d ? d : FilterDialects.XPath,
        };
    }

    /// <summary>A positive element count (wsman:MaxElements, wsen:MaxElements); absent = 1.</summary>
    public static int ParseMaxElements(string? text)
    {
        if (text is null)
            return 1;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            if (text.Trim().Length > 0 && text.Trim().All(char.IsAsciiDigit))
                return int.MaxValue;
            throw WsManFaults.SchemaValidationError($"MaxElements '{text}' is not a positive integer");
        }

        return n > 0 ? n : throw WsManFaults.SchemaValidationError($"MaxElements {n} is not a positive integer");
    }

    private static TimeSpan? ParseExpires(string? text, TimeSpan maxExpiry)
    {
        if (text is null)
            return null;
        TimeSpan expiry;
        if (XsDuration.TryParse(text, out var duration))
            expiry = duration;
        else if (XsDuration.TryParseDateTime(text, out var at))
            expiry = at - DateTimeOffset.UtcNow;
        else
            throw WsManFaults.UnsupportedExpirationType($"wsen:Expires '{text}' is neither an xs:duration nor an xs:dateTime");
        if (expiry <= TimeSpan.Zero)
            throw WsManFaults.InvalidExpirationTime($"wsen:Expires '{text}' is zero, negative or in the past");
        return expiry > maxExpiry ? maxExpiry : expiry;
    }

    private static EnumerationMode ParseMode(string? text) => text?.Trim() switch
    {
        null or "" => EnumerationMode.Objects,
        "EnumerateEPR" => EnumerationMode.EndpointReferences,
        "EnumerateObjectAndEPR" => EnumerationMode.ObjectsAndEndpointReferences,
        var other => throw WsManFaults.UnsupportedFeature("EnumerationMode", $"enumeration mode {other} is not supported; use EnumerateEPR or EnumerateObjectAndEPR"),
    };

    private static PolymorphismMode ParsePolymorphism(string? text) => text?.Trim() switch
    {
        null or "" or "IncludeSubClassProperties" => PolymorphismMode.IncludeSubClassProperties,
        "ExcludeSubClassProperties" => PolymorphismMode.ExcludeSubClassProperties,
        "None" => PolymorphismMode.None,
        var other => throw WsManFaults.PolymorphismModeNotSupported(other),
    };
}
