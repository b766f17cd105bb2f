namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>wsman:EnumerationMode: what each item is.</summary>
internal enum EnumerationMode
{
    /// <summary>The instance element (no EnumerationMode element).</summary>
    Objects,

    /// <summary><c>EnumerateEPR</c>: a <c>wsa:EndpointReference</c> per item.</summary>
    EndpointReferences,

    /// <summary><c>EnumerateObjectAndEPR</c>: <c>wsman:Item</c> holding the instance then its EPR.</summary>
    ObjectsAndEndpointReferences,
}
