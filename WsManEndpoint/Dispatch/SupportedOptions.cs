namespace CimCloud.WsManEndpoint.Dispatch;

/// <summary>The wsman:Option names CimCloud honours; others are ignored unless MustComply (then <c>wsman:InvalidOptions</c>/NotSupported).</summary>
internal static class SupportedOptions
{
    /// <summary>owsman's option: leave NULL properties out instead of writing <c>xsi:nil</c>.</summary>
    public const string ExcludeNilProperties = "ExcludeNilProperties";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ExcludeNilProperties };
}
