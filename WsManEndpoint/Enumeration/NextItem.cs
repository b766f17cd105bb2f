using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>What asking an enumeration context for its next item gave: an item, the end, or nothing within the wait.</summary>
internal readonly record struct NextItem(NextItemKind Kind, CimInstance? Item)
{
    public static NextItem End { get; } = new(NextItemKind.End, null);

    public static NextItem TimedOut { get; } = new(NextItemKind.TimedOut, null);

    public static NextItem Of(CimInstance item) => new(NextItemKind.Item, item);
}

internal enum NextItemKind
{
    Item,
    End,
    TimedOut,
}
