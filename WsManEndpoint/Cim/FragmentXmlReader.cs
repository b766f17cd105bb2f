using System.Xml.Linq;
using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Applies a fragment Put (spec digest §7.4) to a copy of an instance: the <c>wsman:XmlFragment</c> holds the new
/// property elements (or, with <c>text()</c>, the new text). <c>Prop[n]</c> replaces entry n of an array (n = length + 1
/// appends). Content that does not match the path is InvalidFragment; values that do not convert InvalidValues.
/// An array given no elements becomes NULL.
/// </summary>
public sealed class FragmentXmlReader
{
    private readonly CimValueXmlReader _values;

    /// <param name="classLookup">Finds classes by name (case-insensitive): embedded instances and reference targets.</param>
    public FragmentXmlReader(Func<string, CimClass?> classLookup)
    {
        ArgumentNullException.ThrowIfNull(classLookup);
        _values = new CimValueXmlReader(classLookup);
    }

    /// <summary>A writable clone of <paramref name="instance"/> with the fragment applied.</summary>
    /// <param name="xmlFragment">The <c>wsman:XmlFragment</c> element (or an element holding it, such as the SOAP body).</param>
    /// <param name="instance">The current instance.</param>
    /// <param name="path">The fragment expression.</param>
    /// <param name="resourceUri">The request's resource URI, accepted as the elements' namespace too.</param>
    public CimInstance Apply(XElement xmlFragment, CimInstance instance, FragmentPath path, string? resourceUri = null)
    {
        ArgumentNullException.ThrowIfNull(xmlFragment);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(path);
        var fragment = xmlFragment.Name == WsCimXml.XmlFragment ? xmlFragment : xmlFragment.Element(WsCimXml.XmlFragment) ?? xmlFragment;
        var property = path.Resolve(instance.Class);
        var what = $"fragment {path}";
        if (property.IsArray && path.Index is null && path.IsText)
            throw RepresentationFaults.InvalidFragment($"{what}: text() of array {property.Name} needs an index");

        object? value;
        if (path.IsText)
        {
            if (fragment.HasElements)
                throw RepresentationFaults.InvalidFragment($"{what}: the fragment must hold text, not elements");
            value = _values.FromText(fragment.Value, property.DataType.ElementType, what, depth: 0);
        }
        else
        {
            var elements = Elements(fragment, property, instance.Class, resourceUri, what);
            if (path.Index is null)
            {
                value = property.IsArray && elements.Count == 0 ? null : _values.ReadValue(elements, property.DataType, what, depth: 0);
            }
            else
            {
                if (elements.Count != 1)
                    throw RepresentationFaults.InvalidFragment($"{what} selects one element; the fragment holds {elements.Count}");
                value = _values.ReadScalar(elements[0], property.DataType.ElementType, what, depth: 0);
            }
        }

        if (path.Index is { } n)
            value = property.IsArray ? SetEntry(instance.GetValue(property.Ordinal) as Array, n, value, property, what) : ScalarAt(n, value, what);

        var copy = instance.Clone();
        copy.SetValue(property.Ordinal, value);
        return copy;
    }

    private static List<XElement> Elements(XElement fragment, CimProperty property, CimClass cimClass, string? resourceUri, string what)
    {
        var list = new List<XElement>();
        foreach (var e in fragment.Elements())
        {
            var ns = e.Name.Namespace;
            if (!string.Equals(e.Name.LocalName, property.Name, StringComparison.OrdinalIgnoreCase) ||
                (ns != XNamespace.None && !ClassNamespaceMatcher.Accepts(ns.NamespaceName, cimClass, resourceUri)))
                throw RepresentationFaults.InvalidFragment($"{what}: the fragment holds element {e.Name}, not {property.Name} of class {cimClass.Name}");
            list.Add(e);
        }

        return list;
    }

    private static object? ScalarAt(int n, object? value, string what) =>
        n == 1 ? value : throw RepresentationFaults.InvalidFragment($"{what} selects nothing: the property is not an array");

    private static object? SetEntry(Array? current, int n, object? item, CimProperty property, string what)
    {
        var items = current is null ? new List<object?>() : current.Cast<object?>().ToList();
        if (n <= items.Count)
            items[n - 1] = item;
        else if (n == items.Count + 1)
            items.Add(item);
        else
            throw RepresentationFaults.InvalidFragment($"{what} selects nothing: {property.Name} has {items.Count} entries");
        return CimValueXmlReader.Convert(items, property.DataType, what);
    }
}
