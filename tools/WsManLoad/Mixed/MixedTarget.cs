namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>One resource the mixed scenario addresses: its ResourceURI and selectors (name, value; <c>__cimnamespace</c> included when given).</summary>
internal sealed record MixedTarget(string ResourceUri, IReadOnlyList<(string Name, string Value)> Selectors)
{
    /// <summary>Parses <c>Name=Value</c> selector options (the value may itself hold '=').</summary>
    public static IReadOnlyList<(string Name, string Value)> ParseSelectors(IEnumerable<string> texts)
    {
        var selectors = new List<(string, string)>();
        foreach (var text in texts)
        {
            var at = text.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
                throw new ArgumentException($"selector '{text}' is not Name=Value");
            selectors.Add((text[..at].Trim(), text[(at + 1)..]));
        }

        return selectors;
    }

    public override string ToString() =>
        Selectors.Count == 0
            ? ResourceUri
            : $"{ResourceUri}?{string.Join("&", Selectors.Select(s => s.Name + "=" + s.Value.Replace(EnvelopeTemplate.Key, "{random key}", StringComparison.Ordinal)))}";
}
