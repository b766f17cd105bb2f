using System.Xml;
using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>Parses XML text that arrived inside a request (embedded CIM-XML): no DTDs, no external resolution.</summary>
internal static class SafeXml
{
    public static XElement Parse(string text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var stringReader = new StringReader(text);
        using var reader = XmlReader.Create(stringReader, settings);
        return XElement.Load(reader);
    }
}
