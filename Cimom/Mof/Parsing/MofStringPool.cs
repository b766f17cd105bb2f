namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>
/// Reuses one string instance per distinct spelling (identifiers, short string values) across a whole
/// compilation unit, and remembers which spellings are keywords. Lookups take a span: no allocation
/// for a spelling seen before.
/// </summary>
internal sealed class MofStringPool
{
    private static readonly Dictionary<string, MofKeyword> Keywords = BuildKeywords();

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public MofStringPool() => _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Intern(ReadOnlySpan<char> text) => Intern(text, out _);

    public string Intern(ReadOnlySpan<char> text, out MofKeyword keyword)
    {
        if (_lookup.TryGetValue(text, out var entry))
        {
            keyword = entry.Keyword;
            return entry.Value;
        }

        string value = new(text);
        keyword = Keywords.TryGetValue(value, out var kw) ? kw : MofKeyword.None;
        _entries.Add(value, new Entry(value, keyword));
        return value;
    }

    private static Dictionary<string, MofKeyword> BuildKeywords()
    {
        var map = new Dictionary<string, MofKeyword>(StringComparer.OrdinalIgnoreCase);
        foreach (var keyword in Enum.GetValues<MofKeyword>())
        {
            if (keyword != MofKeyword.None)
                map.Add(keyword.ToString(), keyword);
        }

        return map;
    }

    private readonly record struct Entry(string Value, MofKeyword Keyword);
}
