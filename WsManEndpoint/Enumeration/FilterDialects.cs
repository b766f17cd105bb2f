namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>Enumeration filter dialect URIs CimCloud implements (spec digest §3).</summary>
internal static class FilterDialects
{
    public const string Wql = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
    public const string Cql = "http://schemas.dmtf.org/wbem/cql/1/dsp0202.pdf";
    public const string Selector = "http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter";
    public const string Association = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter";

    /// <summary>XPath 1.0: the default when a filter gives no Dialect (not implemented, so such a filter is refused).</summary>
    public const string XPath = "http://www.w3.org/TR/1999/REC-xpath-19991116";

    public static IReadOnlyList<string> Supported { get; } = [Wql, Cql, Selector, Association];
}
