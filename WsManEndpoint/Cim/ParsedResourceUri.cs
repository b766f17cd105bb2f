namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// A resource URI understood by <see cref="ResourceUriMap"/>: one class (<see cref="ClassName"/>) or all classes
/// (<see cref="IsAllClasses"/>), with the CIM namespace when the URI embeds one (Microsoft <c>…/wmi/root/cimv2/…</c> form).
/// </summary>
/// <param name="Uri">The URI as given (trimmed).</param>
/// <param name="ClassName">The class name as written in the URI; null for an all-classes URI.</param>
/// <param name="Namespace">The CIM namespace embedded in the URI (<c>root/cimv2</c>), else null.</param>
public sealed record ParsedResourceUri(string Uri, string? ClassName, string? Namespace)
{
    /// <summary>The URI names every class (<c>…/wscim/1/*</c>, <c>…/wmi/root/cimv2/*</c>); a filter says which.</summary>
    public bool IsAllClasses => ClassName is null;
}
