using System.Xml;
using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// Reads a request envelope with <see cref="XmlReader"/>: DTDs prohibited (so no entity expansion), no resolver,
/// character checks, a character cap and a depth cap (<see cref="MaxDepth"/>; deeper → <c>wsman:SchemaValidationError</c>).
/// Header values WS-Management defines are read straight into <see cref="SoapEnvelope"/>; only structured
/// headers (ReplyTo, FaultTo, SelectorSet, OptionSet) and the first body element become small XElements.
/// Throws <see cref="XmlException"/> for XML that is not well formed.
/// </summary>
public sealed class SoapEnvelopeReader
{
    /// <summary>Maximum element depth (the Envelope is depth 0).</summary>
    public const int MaxDepth = 64;

    private static readonly string SoapNs = WsManNamespaces.Soap.NamespaceName;
    private static readonly string WsaNs = WsManNamespaces.Addressing.NamespaceName;
    private static readonly string WsmanNs = WsManNamespaces.WsMan.NamespaceName;
    private static readonly string WsmbNs = WsManNamespaces.CimBinding.NamespaceName;

    // Each thread parses with its own name table (atomised names make reading cheaper); it is replaced every
    // so often so names a client invents cannot pile up.
    private const int NameTableUses = 4096;

    [ThreadStatic]
    private static XmlParserContext? t_context;

    [ThreadStatic]
    private static int t_uses;

    private static readonly XmlReaderSettings Checks = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CheckCharacters = true,
        CloseInput = true,
    };

    private readonly long _maxCharacters;

    /// <param name="maxCharacters">Longest request text accepted (the transport caps the octets before this).</param>
    public SoapEnvelopeReader(long maxCharacters)
    {
        _maxCharacters = maxCharacters;
    }

    public SoapEnvelope Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > _maxCharacters)
            throw new XmlException($"the request holds more than {_maxCharacters} characters");
        if (t_context is null || ++t_uses > NameTableUses)
        {
            t_context = new XmlParserContext(new NameTable(), null, null, XmlSpace.None);
            t_uses = 0;
        }

        // The string-fragment reader sizes its buffer to the request (not a fixed 8 KB); the wrapper adds the
        // character checks and drops comments and processing instructions. DTDs are refused by both.
        using var source = new XmlTextReader(text, XmlNodeType.Document, t_context)
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            Normalization = true,
            WhitespaceHandling = WhitespaceHandling.All,
        };
        using var reader = XmlReader.Create(source, Checks);
        var envelope = new SoapEnvelope();
        if (reader.MoveToContent() != XmlNodeType.Element)
            throw new XmlException("the request holds no XML element");
        envelope.RootName = XName.Get(reader.LocalName, reader.NamespaceURI);
        if (!envelope.IsSoap12)
        {
            XmlSubtreeLoader.Skip(reader, MaxDepth);
            ReadToEnd(reader);
            return envelope;
        }

        if (reader.IsEmptyElement)
        {
            ReadToEnd(reader);
            return envelope;
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                if (!reader.Read())
                    throw new XmlException("unexpected end of document inside the envelope");
                continue;
            }

            if (Is(reader, SoapNs, "Header"))
                ReadHeaders(reader, envelope);
            else if (Is(reader, SoapNs, "Body"))
                ReadBody(reader, envelope);
            else
                XmlSubtreeLoader.Skip(reader, MaxDepth);
        }

        reader.Read();
        ReadToEnd(reader);
        return envelope;
    }

    private static void ReadToEnd(XmlReader reader)
    {
        while (reader.Read())
        {
        }
    }

    private static bool Is(XmlReader reader, string ns, string localName) =>
        string.Equals(reader.LocalName, localName, StringComparison.Ordinal) && string.Equals(reader.NamespaceURI, ns, StringComparison.Ordinal);

    private static void ReadHeaders(XmlReader reader, SoapEnvelope envelope)
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
                envelope.SelectorSet = XmlSubtreeLoader.Load(reader, MaxDepth, withAncestorNamespaces: false);
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
            if (Is(reader, WsaNs, "Address"))
            {
                address = ReadText(reader);
            }
            else if (Is(reader, WsaNs, "ReferenceParameters") || Is(reader, WsaNs, "ReferenceProperties"))
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

    private static void ReadBody(XmlReader reader, SoapEnvelope envelope)
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
            {
                XmlSubtreeLoader.CheckDepth(reader, MaxDepth);
                if (envelope.Body is null)
                    envelope.Body = XmlSubtreeLoader.Load(reader, MaxDepth);
                else
                    XmlSubtreeLoader.Skip(reader, MaxDepth);
            }
            else if (!reader.Read())
            {
                throw new XmlException("unexpected end of document inside the body");
            }
        }

        reader.Read();
    }
}
