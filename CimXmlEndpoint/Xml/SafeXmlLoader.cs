using System.Xml;
using System.Xml.Linq;
using CimCloud.CimXmlEndpoint.Transport;

namespace CimCloud.CimXmlEndpoint.Xml;

/// <summary>
/// Loads request XML with System.Xml safely: DTDs prohibited, no resolver (no external entities), a character limit
/// and an element depth limit. Every failure is <c>request-not-well-formed</c> (or <c>request-not-valid</c> for
/// limits), with the line and column the parser reported.
/// </summary>
internal static class SafeXmlLoader
{
    public static XDocument Load(Stream stream, long maxCharacters, int maxDepth)
    {
        var settings = Settings(maxCharacters);
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            var document = XDocument.Load(reader, LoadOptions.None);
            CheckDepth(document, maxDepth);
            return document;
        }
        catch (XmlException e)
        {
            throw CimXmlProtocolException.NotWellFormed($"the request is not well-formed XML: {e.Message}", e);
        }
    }

    /// <summary>Parses an embedded object (escaped CIM-XML inside a VALUE) with the same rules.</summary>
    public static XElement ParseFragment(string text, int maxDepth)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings(text.Length + 1L));
            var element = XElement.Load(reader, LoadOptions.None);
            CheckDepth(new XDocument(element), maxDepth);
            return element;
        }
        catch (XmlException e)
        {
            throw new Cimom.Model.CimException(Cimom.Model.CimStatusCode.InvalidParameter, $"an embedded object is not well-formed CIM-XML: {e.Message}", e);
        }
    }

    private static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>Iterative (no recursion) so a deep document cannot exhaust the stack here.</summary>
    private static void CheckDepth(XDocument document, int maxDepth)
    {
        if (document.Root is null)
            return;
        var stack = new Stack<(XElement Element, int Depth)>();
        stack.Push((document.Root, 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (depth > maxDepth)
                throw CimXmlProtocolException.NotValid($"the request nests elements deeper than {maxDepth} levels");
            foreach (var child in element.Elements())
                stack.Push((child, depth + 1));
        }
    }
}
