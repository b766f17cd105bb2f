using System.Text;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// Cheap reading of an EnumerateResponse/PullResponse without an XML parse: the EnumerationContext text, whether
/// EndOfSequence is present, and the number of <c>Load_Item</c> instances (their end tags; start tags may or may not
/// carry attributes). <see cref="Verify"/>
/// checks these shortcuts against a real XML parse once per phase.
/// </summary>
internal static class EnumerationReply
{
    private static readonly byte[] ContextTag = "EnumerationContext>"u8.ToArray();
    private static readonly byte[] EndOfSequence = "EndOfSequence"u8.ToArray();
    private static readonly byte[] ItemEnd = Encoding.UTF8.GetBytes(LoadModel.ItemClass + ">");

    /// <summary>The context to Pull with next; null when the element is absent or empty (the sequence ended).</summary>
    public static string? Context(ReadOnlySpan<byte> reply)
    {
        var at = reply.IndexOf(ContextTag);
        if (at < 0)
            return null;
        var text = reply[(at + ContextTag.Length)..];
        var end = text.IndexOf((byte)'<');
        if (end <= 0)
            return null;
        return Encoding.UTF8.GetString(text[..end]).Trim();
    }

    public static bool Ended(ReadOnlySpan<byte> reply)
    {
        var tail = reply.Length > 256 ? reply[^256..] : reply;
        return tail.IndexOf(EndOfSequence) >= 0;
    }

    /// <summary>End tags <c>&lt;/Load_Item&gt;</c> or <c>&lt;/p:Load_Item&gt;</c> (start tags may be bare too, so only end tags count).</summary>
    public static int CountItems(ReadOnlySpan<byte> reply)
    {
        var count = 0;
        var from = 0;
        while (true)
        {
            var at = reply[from..].IndexOf(ItemEnd);
            if (at < 0)
                return count;
            at += from;
            if (IsEndTag(reply, at))
                count++;
            from = at + ItemEnd.Length;
        }
    }

    /// <summary>Whether the name ending at <c>ItemEnd</c> (at <paramref name="at"/>) opens with <c>&lt;/</c>, prefix or not.</summary>
    private static bool IsEndTag(ReadOnlySpan<byte> reply, int at)
    {
        var i = at - 1;
        if (i >= 0 && reply[i] == (byte)':')
        {
            i--;
            while (i >= 0 && reply[i] is not ((byte)'<' or (byte)'/' or (byte)' ' or (byte)'>' or (byte)'"'))
                i--;
        }

        return i >= 1 && reply[i] == (byte)'/' && reply[i - 1] == (byte)'<';
    }

    /// <summary>Throws when the shortcuts disagree with an XML parse of <paramref name="reply"/>.</summary>
    public static void Verify(ReadOnlySpan<byte> reply)
    {
        var document = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(reply));
        var all = document.Descendants().ToList();
        var items = all.Count(e => e.Name.LocalName == LoadModel.ItemClass);
        var context = all.FirstOrDefault(e => e.Name.LocalName == "EnumerationContext")?.Value.Trim();
        var ended = all.Any(e => e.Name.LocalName == "EndOfSequence");
        if (items != CountItems(reply) || (string.IsNullOrEmpty(context) ? null : context) != Context(reply) || ended != Ended(reply))
        {
            throw new InvalidOperationException(
                $"enumeration reply shortcuts disagree with the XML: items {items} vs {CountItems(reply)}, context '{context}' vs '{Context(reply)}', ended {ended} vs {Ended(reply)}");
        }
    }
}
