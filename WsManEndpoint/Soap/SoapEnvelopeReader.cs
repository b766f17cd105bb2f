using System.Xml;
using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// Reads a request envelope with <see cref="XmlReader"/>: DTDs prohibited (so no entity expansion), no resolver,
/// character checks, a character cap and a depth cap (<see cref="MaxDepth"/>; deeper → <c>wsman:SchemaValidationError</c>).
/// Header blocks are read by <see cref="SoapHeaderReader"/>; only the first body element becomes a small XElement.
/// Throws <see cref="XmlException"/> for XML that is not well formed.
/// </summary>
public sealed class SoapEnvelopeReader
{
    /// <summary>Maximum element depth (the Envelope is depth 0).</summary>
    public const int MaxDepth = 64;

    private static readonly string SoapNs = WsManNamespaces.Soap.NamespaceName;

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
    private readonly int _maxDepth;

    /// <param name="maxCharacters">Longest request text accepted (the transport caps the octets before this).</param>
    /// <param name="maxDepth">Deepest element allowed outside the headers (at most <see cref="MaxDepth"/>, which also caps the headers).</param>
    public SoapEnvelopeReader(long maxCharacters, int maxDepth = MaxDepth)
    {
        _maxCharacters = maxCharacters;
        _maxDepth = Math.Clamp(maxDepth, 1, MaxDepth);
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
            XmlSubtreeLoader.Skip(reader, _maxDepth);
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
                SoapHeaderReader.ReadHeaders(reader, envelope);
            else if (Is(reader, SoapNs, "Body"))
                ReadBody(reader, envelope, _maxDepth);
            else
                XmlSubtreeLoader.Skip(reader, _maxDepth);
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

    internal static bool Is(XmlReader reader, string ns, string localName) =>
        string.Equals(reader.LocalName, localName, StringComparison.Ordinal) && string.Equals(reader.NamespaceURI, ns, StringComparison.Ordinal);

    private static void ReadBody(XmlReader reader, SoapEnvelope envelope, int maxDepth)
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
                XmlSubtreeLoader.CheckDepth(reader, maxDepth);
                if (envelope.Body is null)
                    envelope.Body = XmlSubtreeLoader.Load(reader, maxDepth);
                else
                    XmlSubtreeLoader.Skip(reader, maxDepth);
            }
            else if (!reader.Read())
            {
                throw new XmlException("unexpected end of document inside the body");
            }
        }

        reader.Read();
    }
}
