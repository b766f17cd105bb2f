using CimCloud.Cimom.Model;
using CimCloud.Cimom.Repository;
using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Dispatch;

/// <summary>
/// The ResourceURI and SelectorSet of a request resolved against the repository: the CIM namespace (the
/// <c>__cimnamespace</c> selector, else one embedded in a WMI-form URI, else the default), the class (null for an
/// all-classes URI) and the selectors.
/// </summary>
internal sealed class ResolvedResource
{
    private ResolvedResource(ParsedResourceUri uri, CimNamespace ns, CimClass? cimClass, IReadOnlyList<Selector> selectors)
    {
        Uri = uri;
        CimNamespace = ns;
        Class = cimClass;
        Selectors = selectors;
    }

    public ParsedResourceUri Uri { get; }

    public CimNamespace CimNamespace { get; }

    public string Namespace => CimNamespace.Name;

    public CimClass? Class { get; }

    public IReadOnlyList<Selector> Selectors { get; }

    /// <summary>Class lookup in the namespace's schema (made on first use: most requests never need it).</summary>
    public Func<string, CimClass?> ClassLookup => field ??= CimNamespace.Schema.FindClass;

    /// <summary>Selectors other than <c>__cimnamespace</c>.</summary>
    public bool HasKeySelectors => Selectors.Any(s => !string.Equals(s.Name, SelectorBinder.NamespaceSelector, StringComparison.OrdinalIgnoreCase));

    /// <summary>The class, or <c>wsa:ActionNotSupported</c> for an all-classes URI (only Enumerate takes one).</summary>
    public CimClass RequireClass(string action) =>
        Class ?? throw WsManFaults.ActionNotSupported(action, "ActionMismatch");

    /// <summary>The instance path the selectors name (InvalidSelectors faults per spec §8.3).</summary>
    public CimObjectPath BindInstancePath(CimClass cimClass) => SelectorBinder.Bind(Selectors, cimClass, ClassLookup, Namespace);

    public static ResolvedResource Resolve(WsManOperationContext context)
    {
        var request = context.Request;
        if (!ResourceUriMap.TryParse(request.ResourceUri, out var parsed))
            throw WsManFaults.InvalidResourceUri($"resource URI {request.ResourceUri ?? "(none)"} is not a CIM class or all-classes URI");
        var selectors = request.Selectors;
        var nsName = NamespaceSelector(selectors) ?? parsed.Namespace ?? context.Services.Options.DefaultNamespace;
        var ns = context.Services.Repository.FindNamespace(nsName)
            ?? throw WsManFaults.InvalidResourceUri($"CIM namespace {nsName} does not exist");
        CimClass? cimClass = null;
        if (parsed.ClassName is { } className)
        {
            cimClass = ns.Schema.FindClass(className);
            if (cimClass is null || !string.Equals(cimClass.Name, className, StringComparison.Ordinal))
                throw WsManFaults.InvalidResourceUri($"class {className} does not exist in namespace {ns.Name} (class names in resource URIs are case-sensitive)");
        }

        return new ResolvedResource(parsed, ns, cimClass, selectors);
    }

    private static string? NamespaceSelector(IReadOnlyList<Selector> selectors)
    {
        foreach (var s in selectors)
        {
            if (string.Equals(s.Name, SelectorBinder.NamespaceSelector, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(s.Value))
                return s.Value;
        }

        return null;
    }
}
