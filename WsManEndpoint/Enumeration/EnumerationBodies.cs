using System.Globalization;
using System.Xml;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>
/// The EnumerateResponse and PullResponse bodies (spec digest §8.2): <c>wsman:Items</c>/<c>wsman:EndOfSequence</c> in an
/// optimized EnumerateResponse (whose EnumerationContext is empty once the sequence ended), <c>wsen:Items</c>/
/// <c>wsen:EndOfSequence</c> in a PullResponse (whose EnumerationContext is left out once it ended), and the
/// <c>wsman:TotalItemsCountEstimate</c> header. Items always get a full end tag, so the envelope measured without items
/// (the overhead a batch must leave room for) is exactly the envelope with them minus their own octets.
/// </summary>
internal static class EnumerationBodies
{
    private static readonly string Wsen = WsManNamespaces.Enumeration.NamespaceName;
    private static readonly string WsMan = WsManNamespaces.WsMan.NamespaceName;

    /// <param name="contextId">The context to Pull from.</param>
    /// <param name="optimized">OptimizeEnumeration: the response carries wsman:Items.</param>
    /// <param name="batch">The items of an optimized Enumerate (null: none).</param>
    /// <param name="ended">The sequence ended within this response.</param>
    public static WsManResponse Enumerate(string contextId, bool optimized, EnumerationBatch? batch, bool ended) =>
        new(WsManActions.EnumerateResponse, w =>
        {
            w.WriteStartElement("wsen", "EnumerateResponse", Wsen);
            w.WriteStartElement("wsen", "EnumerationContext", Wsen);
            if (!ended)
                w.WriteString(contextId);
            w.WriteEndElement();
            if (optimized)
            {
                w.WriteStartElement("wsman", "Items", WsMan);
                batch?.WriteItems(w);
                w.WriteFullEndElement();
                if (ended)
                    w.WriteElementString("wsman", "EndOfSequence", WsMan, null);
            }

            w.WriteEndElement();
        });

    public static WsManResponse Pull(string contextId, EnumerationBatch? batch, bool ended) =>
        new(WsManActions.PullResponse, w =>
        {
            w.WriteStartElement("wsen", "PullResponse", Wsen);
            if (!ended)
                w.WriteElementString("wsen", "EnumerationContext", Wsen, contextId);
            w.WriteStartElement("wsen", "Items", Wsen);
            batch?.WriteItems(w);
            w.WriteFullEndElement();
            if (ended)
                w.WriteElementString("wsen", "EndOfSequence", Wsen, null);
            w.WriteEndElement();
        });

    /// <summary>The <c>wsman:TotalItemsCountEstimate</c> header (<c>xsi:nil</c> when unknown).</summary>
    public static Action<XmlWriter> TotalItemsCountEstimate(long? total) => w =>
    {
        w.WriteStartElement("wsman", "TotalItemsCountEstimate", WsMan);
        if (total is { } n)
            w.WriteString(n.ToString(CultureInfo.InvariantCulture));
        else
            w.WriteAttributeString("xsi", "nil", WsManNamespaces.Xsi.NamespaceName, "true");
        w.WriteEndElement();
    };
}
