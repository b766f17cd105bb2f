using System.Xml;
using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// Writes response envelopes with a recycled <see cref="PooledXmlWriter"/> into a pooled char buffer, then encodes them in the
/// request's encoding. The Envelope declares the prefixes bodies use most (<c>s</c>, <c>wsa</c>, <c>wsman</c>,
/// <c>wsen</c>, <c>xsi</c>, <c>cim</c>) so items do not repeat them.
/// </summary>
public static class SoapEnvelopeWriter
{
    /// <summary>Prefixes declared on every response Envelope (and on the scratch root of pre-rendered items).</summary>
    public static IReadOnlyList<(string Prefix, XNamespace Namespace)> RootPrefixes { get; } =
    [
        ("s", WsManNamespaces.Soap),
        ("wsa", WsManNamespaces.Addressing),
        ("wsman", WsManNamespaces.WsMan),
        ("wsen", WsManNamespaces.Enumeration),
        ("xsi", WsManNamespaces.Xsi),
        ("cim", WsManNamespaces.CimCommon),
    ];

    private static readonly string Soap = WsManNamespaces.Soap.NamespaceName;
    private static readonly string Wsa = WsManNamespaces.Addressing.NamespaceName;

    /// <summary>Writes and encodes the whole envelope.</summary>
    public static EncodedEnvelope Encode(WsManResponse response, ReplyInfo reply, ResponseEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(response);
        var writer = PooledXmlWriter.Rent();
        try
        {
            Write(writer, response, reply);
            return EncodedEnvelope.Encode(writer.Written, encoding);
        }
        finally
        {
            PooledXmlWriter.Return(writer);
        }
    }

    /// <summary>The envelope's size in octets (BOM included) without keeping it.</summary>
    public static int Measure(WsManResponse response, ReplyInfo reply, ResponseEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(response);
        var writer = PooledXmlWriter.Rent();
        try
        {
            Write(writer, response, reply);
            return encoding.PreambleLength() + encoding.ByteCount(writer.Written);
        }
        finally
        {
            PooledXmlWriter.Return(writer);
        }
    }

    private static void Write(PooledXmlWriter w, WsManResponse response, ReplyInfo reply)
    {
        w.WriteStartElement("s", "Envelope", Soap);
        foreach (var (prefix, ns) in RootPrefixes)
        {
            if (prefix != "s")
                w.WriteAttributeString("xmlns", prefix, null, ns.NamespaceName);
        }

        w.WriteStartElement("s", "Header", Soap);
        if (!response.IsIdentify)
            WriteAddressing(w, response.Action, reply);
        foreach (var header in response.Headers)
            header(w);
        w.WriteEndElement();

        w.WriteStartElement("s", "Body", Soap);
        response.Body?.Invoke(w);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteAddressing(XmlWriter w, string action, ReplyInfo reply)
    {
        w.WriteElementString("wsa", "To", Wsa, WsManNamespaces.AnonymousAddress);
        w.WriteStartElement("wsa", "Action", Wsa);
        w.WriteAttributeString("s", "mustUnderstand", Soap, "true");
        w.WriteString(action);
        w.WriteEndElement();
        w.WriteElementString("wsa", "MessageID", Wsa, NewMessageId());
        if (reply.RelatesTo is not null)
            w.WriteElementString("wsa", "RelatesTo", Wsa, reply.RelatesTo);
        foreach (var parameter in reply.ReferenceParameters)
            parameter.WriteTo(w);
    }

    /// <summary>A fresh <c>uuid:</c> MessageID (see <see cref="MessageIdSource"/>).</summary>
    public static string NewMessageId() => MessageIdSource.Next();
}
