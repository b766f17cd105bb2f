using System.Xml;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>
/// Items taken from an enumeration context for one response, already written as XML (each item a complete
/// element; the Envelope's prefixes are taken as declared), plus whether the sequence ended or the wait ran out.
/// </summary>
internal sealed class EnumerationBatch : IDisposable
{
    private readonly PooledXmlWriter _items;

    public EnumerationBatch(PooledXmlWriter items)
    {
        _items = items;
    }

    public int Count { get; set; }

    /// <summary>The enumeration has no more items: the response carries EndOfSequence and the context is dropped.</summary>
    public bool Ended { get; set; }

    /// <summary>The wait (MaxTime or OperationTimeout) ran out before the batch was full.</summary>
    public bool TimedOut { get; set; }

    public int ByteCount { get; set; }

    /// <summary>Copies the items into <paramref name="writer"/> (inside an Items element of an envelope that declares the root prefixes).</summary>
    public void WriteItems(XmlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_items.Length == 0)
            return;
        if (writer is PooledXmlWriter pooled)
            pooled.WriteRawFrom(_items, 0);
        else
            writer.WriteRaw(_items.ToString());
    }

    public void Dispose() => _items.Dispose();
}
