using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Which XML namespaces stand for a class on input: its own or an ancestor's class URI (DMTF or any vendor host
/// with the same path shape, Microsoft WMI form) and the request's resource URI.
/// </summary>
internal static class ClassNamespaceMatcher
{
    public static bool Accepts(string xmlNamespace, CimClass cimClass, string? resourceUri)
    {
        if (resourceUri is not null && string.Equals(xmlNamespace, resourceUri, StringComparison.Ordinal))
            return true;
        foreach (var ns in ClassXmlInfo.For(cimClass).LineageNamespaces)
        {
            if (string.Equals(xmlNamespace, ns, StringComparison.Ordinal))
                return true;
        }

        return ResourceUriMap.ClassNameOf(xmlNamespace) is { } name && cimClass.IsSubclassOf(name);
    }
}
