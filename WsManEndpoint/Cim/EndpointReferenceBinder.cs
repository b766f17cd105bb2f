using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>Finds the ResourceURI and SelectorSet of an endpoint reference and binds them (see <see cref="SelectorBinder.BindEndpointReference"/>).</summary>
internal static class EndpointReferenceBinder
{
    public static CimObjectPath Bind(XElement element, Func<string, CimClass?> classLookup, string? defaultNamespace, int depth)
    {
        if (depth > WsCimXml.MaxNesting)
            throw WsManFaults.InvalidSelectors(SelectorFaultDetails.InvalidValue, $"endpoint references nest deeper than {WsCimXml.MaxNesting} levels");
        var parameters = FindParameters(element)
            ?? throw WsManFaults.InvalidResourceUri($"the endpoint reference in {element.Name.LocalName} has no wsa:ReferenceParameters with a wsman:ResourceURI");
        var uri = parameters.Element(WsCimXml.ResourceUri)?.Value.Trim();
        if (string.IsNullOrEmpty(uri))
            throw WsManFaults.InvalidResourceUri($"the endpoint reference in {element.Name.LocalName} has no wsman:ResourceURI");
        if (!ResourceUriMap.TryParse(uri, out var parsed) || parsed.ClassName is null)
            throw WsManFaults.InvalidResourceUri($"the endpoint reference's resource URI {uri} does not name a class");
        var cimClass = classLookup(parsed.ClassName)
            ?? throw WsManFaults.InvalidResourceUri($"the endpoint reference names class {parsed.ClassName}, which does not exist");
        var selectors = SelectorSetReader.Read(parameters.Element(WsCimXml.SelectorSet));
        return SelectorBinder.Bind(selectors, cimClass, classLookup, parsed.Namespace ?? defaultNamespace, depth);
    }

    private static XElement? FindParameters(XElement element)
    {
        for (var e = element; e is not null; e = e.Element(WsCimXml.EndpointReference))
        {
            var parameters = e.Element(WsCimXml.ReferenceParameters) ?? e.Element(WsCimXml.ReferenceProperties);
            if (parameters is not null)
                return parameters;
        }

        return null;
    }
}
