using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// What the XML mapping needs per resolved class, computed once: its namespace (class resource URI), the
/// <c>xsi:type</c> name, the properties in output order (alphabetical, ordinal-ignore-case) and the namespaces of
/// the class and its ancestors (accepted on input). Keyed weakly by the immutable <see cref="CimClass"/>.
/// </summary>
internal sealed class ClassXmlInfo
{
    private static readonly ConditionalWeakTable<CimClass, ClassXmlInfo> Cache = new();

    private ClassXmlInfo(CimClass cimClass)
    {
        Namespace = ResourceUriMap.ForClass(cimClass.Name);
        TypeName = cimClass.Name + "_Type";
        PrefixedTypeName = WsCimXml.ClassPrefix(0) + ":" + TypeName;
        SortedProperties = [.. cimClass.Properties.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Ordinal)];
        HasDateTime = cimClass.Properties.Any(p => p.CimType == CimType.DateTime);
        HasReference = cimClass.Properties.Any(p => p.CimType == CimType.Reference);
        LineageNamespaces = [Namespace, .. cimClass.Ancestors().Select(a => ResourceUriMap.ForClass(a.Name))];
    }

    /// <summary>The class namespace, <c>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/&lt;Class&gt;</c>.</summary>
    public string Namespace { get; }

    /// <summary><c>&lt;Class&gt;_Type</c>.</summary>
    public string TypeName { get; }

    /// <summary><c>p:&lt;Class&gt;_Type</c> (the value of xsi:type at depth 0).</summary>
    public string PrefixedTypeName { get; }

    public IReadOnlyList<CimProperty> SortedProperties { get; }

    public bool HasDateTime { get; }

    public bool HasReference { get; }

    /// <summary>DMTF namespaces of the class and each ancestor, most derived first.</summary>
    public IReadOnlyList<string> LineageNamespaces { get; }

    public static ClassXmlInfo For(CimClass cimClass) => Cache.GetValue(cimClass, static c => new ClassXmlInfo(c));

    public string TypeNameFor(string prefix) => prefix == WsCimXml.ClassPrefix(0) ? PrefixedTypeName : prefix + ":" + TypeName;
}
