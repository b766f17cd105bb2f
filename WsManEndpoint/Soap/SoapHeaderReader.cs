using System.Xml;
using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// Reads the header blocks of a request envelope in place: every block's name and mustUnderstand flag, and the values
/// of the WS-Addressing and WS-Management headers straight into <see cref="SoapEnvelope"/>. EPR headers are read
/// without building elements except for their reference parameters; SelectorSet and OptionSet become small XElements.
/// </summary>
internal static class SoapHeaderReader
{
    private const int MaxDepth = SoapEnvelopeReader.MaxDepth;
    private static readonly string SoapNs = WsManNamespaces.Soap.NamespaceName;
    private static readonly string WsaNs = WsManNamespaces.Addressing.NamespaceName;
    private static readonly string WsmanNs = WsManNamespaces.WsMan.NamespaceName;
    private static readonly string WsmbNs = WsManNamespaces.CimBinding.NamespaceName;

    public static void ReadHeaders(XmlReader reader, SoapEnvelope envelope)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType == XmlNodeType.Element)
                ReadHeader(reader, envelope);
            else if (!reader.Read())
                throw new XmlException("unexpected end of document inside the header");
        }

        reader.Read();
    }

    private static void ReadHeader(XmlReader reader, SoapEnvelope envelope)
    {
        var ns = reader.NamespaceURI;
        var local = reader.LocalName;
        var mustUnderstand = MustUnderstand(reader);
        envelope.Headers.Add(new SoapHeader(XName.Get(local, ns), mustUnderstand));
        if (string.Equals(ns, WsaNs, StringComparison.Ordinal))
            ReadAddressingHeader(reader, envelope, local);
        else if (string.Equals(ns, WsmanNs, StringComparison.Ordinal))
            ReadWsManHeader(reader, envelope, local, mustUnderstand);
        else if (string.Equals(ns, WsmbNs, StringComparison.Ordinal) && local == "PolymorphismMode")
            envelope.PolymorphismMode = ReadText(reader);
        else
            XmlSubtreeLoader.Skip(reader, MaxDepth);
    }

    private static void ReadAddressingHeader(XmlReader reader, SoapEnvelope envelope, string local)
    {
        switch (local)
        {
            case "To":
                envelope.To = Once(envelope, envelope.To, local, ReadText(reader));
                break;
            case "Action":
                envelope.Action = Once(envelope, envelope.Action, local, ReadText(reader));
                break;
            case "MessageID":
                envelope.MessageId = Once(envelope, envelope.MessageId, local, ReadText(reader));
                break;
            case "ReplyTo":
                envelope.ReplyTo = ReadEndpointAddress(reader);
                break;
            case "FaultTo":
                envelope.FaultTo = ReadEndpointAddress(reader);
                break;
            default:
                XmlSubtreeLoader.Skip(reader, MaxDepth);
                break;
        }
    }

    private static void ReadWsManHeader(XmlReader reader, SoapEnvelope envelope, string local, bool mustUnderstand)
    {
        switch (local)
        {
            case "ResourceURI":
                envelope.ResourceUri = ReadText(reader);
                break;
            case "SelectorSet":
                (envelope.Selectors, envelope.SelectorSetFault) = SelectorSetInPlaceReader.Read(reader, MaxDepth);
                break;
            case "OptionSet":
                envelope.OptionSetMustUnderstand = mustUnderstand;
                envelope.OptionSet = XmlSubtreeLoader.Load(reader, MaxDepth, withAncestorNamespaces: false);
                break;
            case "OperationTimeout":
                envelope.OperationTimeout = ReadText(reader);
                break;
            case "MaxEnvelopeSize":
                envelope.MaxEnvelopeSize = ReadText(reader);
                break;
            case "Locale":
                envelope.Locale = reader.GetAttribute("lang", XNamespace.Xml.NamespaceName) ?? string.Empty;
                envelope.LocaleMustUnderstand = mustUnderstand;
                XmlSubtreeLoader.Skip(reader, MaxDepth);
                break;
            case "FragmentTransfer":
                envelope.FragmentDialect = reader.GetAttribute("Dialect");
                envelope.FragmentTransfer = ReadText(reader);
                break;
            case "RequestEPR":
                envelope.RequestEpr = true;
                XmlSubtreeLoader.Skip(reader, MaxDepth);
                break;
            case "RequestTotalItemsCountEstimate":
                envelope.RequestTotalItemsCountEstimate = true;
                XmlSubtreeLoader.Skip(reader, MaxDepth);
                break;
            default:
                XmlSubtreeLoader.Skip(reader, MaxDepth);
                break;
        }
    }

    /// <summary>An EPR header read in place: the Address text, reference parameters (or properties) as elements, the rest skipped.</summary>
    private static EndpointAddress ReadEndpointAddress(XmlReader reader)
    {
        var address = string.Empty;
        List<XElement>? parameters = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new EndpointAddress(address, []);
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                if (!reader.Read())
                    throw new XmlException("unexpected end of document inside an endpoint reference");
                continue;
            }

            XmlSubtreeLoader.CheckDepth(reader, MaxDepth);
            if (SoapEnvelopeReader.Is(reader, WsaNs, "Address"))
            {
                address = ReadText(reader);
            }
            else if (SoapEnvelopeReader.Is(reader, WsaNs, "ReferenceParameters") || SoapEnvelopeReader.Is(reader, WsaNs, "ReferenceProperties"))
            {
                var holder = XmlSubtreeLoader.Load(reader, MaxDepth);
                (parameters ??= []).AddRange(holder.Elements());
            }
            else
            {
                XmlSubtreeLoader.Skip(reader, MaxDepth);
            }
        }

        reader.Read();
        return new EndpointAddress(address, parameters ?? (IReadOnlyList<XElement>)[]);
    }

    private static string Once(SoapEnvelope envelope, string? existing, string local, string value)
    {
        if (existing is not null)
            envelope.RepeatedHeaders.Add(XName.Get(local, WsaNs));
        return value;
    }

    private static bool MustUnderstand(XmlReader reader)
    {
        var value = reader.GetAttribute("mustUnderstand", SoapNs);
        return value is not null && (value.Trim() is "true" or "1");
    }

    /// <summary>The trimmed text content of a simple element (child elements are a schema error).</summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        return reader.ReadElementContentAsString().Trim();
    }
}
