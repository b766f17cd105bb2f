using System.Globalization;

namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>
/// Expands the variable parts of a Put value or an Invoke input: <c>{n}</c> becomes a counter, <c>{any:a,b,c}</c> one of
/// the listed values at random. Everything else is copied as is.
/// </summary>
internal sealed class TextPattern
{
    private readonly List<object> _parts = [];

    public TextPattern(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            var close = open < 0 ? -1 : text.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                _parts.Add(text[at..]);
                break;
            }

            var inner = text[(open + 1)..close];
            if (inner == "n")
                Add(text[at..open], Counter);
            else if (inner.StartsWith("any:", StringComparison.Ordinal))
                Add(text[at..open], inner[4..].Split(','));
            else
                _parts.Add(text[at..(close + 1)]);
            at = close + 1;
        }
    }

    private static object Counter { get; } = new();

    public string Expand(long counter, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (_parts.Count == 1 && _parts[0] is string only)
            return only;
        var text = new System.Text.StringBuilder();
        foreach (var part in _parts)
        {
            switch (part)
            {
                case string literal:
                    text.Append(literal);
                    break;
                case string[] choices:
                    text.Append(choices[random.Next(choices.Length)]);
                    break;
                default:
                    text.Append(counter.ToString(CultureInfo.InvariantCulture));
                    break;
            }
        }

        return text.ToString();
    }

    private void Add(string literal, object hole)
    {
        if (literal.Length > 0)
            _parts.Add(literal);
        _parts.Add(hole);
    }
}
