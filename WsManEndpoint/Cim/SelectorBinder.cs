using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Binds selectors to an instance path of a class (spec digest §8.3), all faults <c>wsman:InvalidSelectors</c>:
/// a name twice → DuplicateSelectors; a name that is not a key → UnexpectedSelectors; a key missing →
/// InsufficientSelectors; a value of the wrong kind → TypeMismatch; right kind but illegal → InvalidValue.
/// <c>__cimnamespace</c> gives the path's namespace and is never a key.
/// </summary>
public static class SelectorBinder
{
    /// <summary>The selector that carries the CIM namespace.</summary>
    public const string NamespaceSelector = WsCimXml.NamespaceSelector;

    /// <summary>
    /// The instance path of <paramref name="cimClass"/> that <paramref name="selectors"/> name, with keys typed per
    /// the class and spelled as declared; CreationClassName and SystemCreationClassName values naming a known class
    /// are normalised to its declared spelling (class names compare case-insensitively). The namespace is the
    /// <c>__cimnamespace</c> selector, else <paramref name="defaultNamespace"/> (may be null). A keyless class with no
    /// selectors gives the class path.
    /// </summary>
    public static CimObjectPath Bind(IReadOnlyList<Selector> selectors, CimClass cimClass, Func<string, CimClass?> classLookup,
        string? defaultNamespace = null) =>
        Bind(selectors, cimClass, classLookup, defaultNamespace, depth: 0);

    /// <summary>
    /// The instance path an endpoint reference names: the element may be a <c>wsa:EndpointReference</c>, or any
    /// element holding an EPR's children (<c>wsmb:Object</c>, a reference property) — <c>wsa:ReferenceParameters</c> or
    /// the older <c>wsa:ReferenceProperties</c> — or holding a nested <c>wsa:EndpointReference</c>. Any
    /// <c>wsa:Address</c> is accepted. A missing, unknown or all-classes ResourceURI is <c>wsa:DestinationUnreachable</c>
    /// / InvalidResourceURI; selector faults as in <see cref="Bind(IReadOnlyList{Selector}, CimClass, Func{string, CimClass?}, string?)"/>.
    /// The namespace comes from <c>__cimnamespace</c>, else a namespace in the resource URI, else <paramref name="defaultNamespace"/>.
    /// </summary>
    public static CimObjectPath BindEndpointReference(XElement endpointReference, Func<string, CimClass?> classLookup, string? defaultNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(endpointReference);
        ArgumentNullException.ThrowIfNull(classLookup);
        return EndpointReferenceBinder.Bind(endpointReference, classLookup, defaultNamespace, depth: 0);
    }

    internal static CimObjectPath Bind(IReadOnlyList<Selector> selectors, CimClass cimClass, Func<string, CimClass?> classLookup,
        string? defaultNamespace, int depth)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        ArgumentNullException.ThrowIfNull(cimClass);
        ArgumentNullException.ThrowIfNull(classLookup);
        var byName = new Dictionary<string, Selector>(selectors.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var s in selectors)
        {
            if (!byName.TryAdd(s.Name, s))
                throw WsManFaults.InvalidSelectors(SelectorFaultDetails.DuplicateSelectors, $"selector {s.Name} is given more than once");
        }

        var ns = defaultNamespace;
        if (byName.Remove(NamespaceSelector, out var nsSelector))
        {
            if (nsSelector.Value is null)
                throw WsManFaults.InvalidSelectors(SelectorFaultDetails.TypeMismatch, $"selector {NamespaceSelector} must hold a namespace name, not an endpoint reference");
            if (nsSelector.Value.Length > 0)
                ns = nsSelector.Value;
        }

        var unexpected = byName.Keys.Where(n => cimClass.Properties.Find(n) is not { IsKey: true }).ToList();
        if (unexpected.Count > 0)
        {
            throw WsManFaults.InvalidSelectors(SelectorFaultDetails.UnexpectedSelectors,
                $"{string.Join(", ", unexpected)} {(unexpected.Count == 1 ? "is not a key" : "are not keys")} of class {cimClass.Name}");
        }

        var missing = cimClass.KeyProperties.Where(k => !byName.ContainsKey(k.Name)).Select(k => k.Name).ToList();
        if (missing.Count > 0)
        {
            throw WsManFaults.InvalidSelectors(SelectorFaultDetails.InsufficientSelectors,
                $"class {cimClass.Name} needs selector{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)}");
        }

        var keys = new CimKeyBinding[cimClass.KeyProperties.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = cimClass.KeyProperties[i];
            var value = SelectorValueParser.Parse(byName[key.Name], key, classLookup, depth);
            if (value is string s && IsClassNameKey(key.Name))
                value = NormaliseClassName(s, cimClass, classLookup);
            keys[i] = new CimKeyBinding(key.Name, value, key.CimType);
        }

        return new CimObjectPath(ns, cimClass.Name, keys);
    }

    private static bool IsClassNameKey(string name) =>
        name.Equals("CreationClassName", StringComparison.OrdinalIgnoreCase) || name.Equals("SystemCreationClassName", StringComparison.OrdinalIgnoreCase);

    private static string NormaliseClassName(string value, CimClass cimClass, Func<string, CimClass?> classLookup)
    {
        if (string.Equals(value, cimClass.Name, StringComparison.OrdinalIgnoreCase))
            return cimClass.Name;
        return ResourceUriMap.IsClassName(value) ? classLookup(value)?.Name ?? value : value;
    }
}
