using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>
/// The selector filter (spec digest §8.4): instances of the resource URI's class whose named properties (any, not only
/// keys) equal the selector values, compared as the property's CIM type (class-name properties case-insensitively;
/// an array property matches when it holds the value). Unknown properties or values of the wrong type →
/// <c>wsen:CannotProcessFilter</c>.
/// </summary>
internal static class SelectorFilter
{
    public static EnumerationPlan Plan(ICimOperations operations, string @namespace, CimClass? cimClass, XElement filter,
        PolymorphismMode mode, Func<string, CimClass?> classLookup)
    {
        if (cimClass is null)
            throw WsManFaults.CannotProcessFilter("a selector filter needs a class resource URI, not the all-classes URI");
        var selectorSet = filter.Element(WsManNamespaces.WsMan + "SelectorSet")
            ?? throw WsManFaults.CannotProcessFilter("the selector filter holds no wsman:SelectorSet");
        IReadOnlyList<Selector> selectors;
        try
        {
            selectors = SelectorSetReader.Read(selectorSet);
        }
        catch (WsManFault fault)
        {
            throw WsManFaults.CannotProcessFilter(fault.Message);
        }

        var conditions = new List<(string Name, object Value, bool IgnoreCase)>();
        foreach (var selector in selectors)
        {
            if (string.Equals(selector.Name, SelectorBinder.NamespaceSelector, StringComparison.OrdinalIgnoreCase))
                continue;
            var property = cimClass.Properties.Find(selector.Name)
                ?? throw WsManFaults.CannotProcessFilter($"class {cimClass.Name} has no property {selector.Name}");
            conditions.Add((property.Name, Value(selector, property, classLookup, @namespace), IsClassName(property)));
        }

        return EnumerationPlan.ForClass(operations, @namespace, cimClass, mode, instance => Matches(instance, conditions));
    }

    private static object Value(Selector selector, CimProperty property, Func<string, CimClass?> classLookup, string @namespace)
    {
        try
        {
            if (selector.EndpointReference is { } epr)
                return SelectorBinder.BindEndpointReference(epr, classLookup, @namespace);
            return CimValueConverter.FromText(selector.Value ?? string.Empty, property.DataType.ElementType)
                ?? throw WsManFaults.CannotProcessFilter($"selector {selector.Name} has no value");
        }
        catch (CimException ex)
        {
            throw WsManFaults.CannotProcessFilter($"selector {selector.Name}: {ex.Message}");
        }
        catch (WsManFault fault) when (fault.Subcode?.LocalName != "CannotProcessFilter")
        {
            throw WsManFaults.CannotProcessFilter($"selector {selector.Name}: {fault.Message}");
        }
    }

    private static bool IsClassName(CimProperty property) =>
        property.CimType == CimType.String &&
        (property.Name.Equals("CreationClassName", StringComparison.OrdinalIgnoreCase) || property.Name.Equals("SystemCreationClassName", StringComparison.OrdinalIgnoreCase));

    private static bool Matches(CimInstance instance, List<(string Name, object Value, bool IgnoreCase)> conditions)
    {
        foreach (var (name, expected, ignoreCase) in conditions)
        {
            var ordinal = instance.Class.Properties.IndexOf(name);
            if (ordinal < 0)
                return false;
            var actual = instance.GetValue(ordinal);
            if (actual is Array array)
            {
                var any = false;
                foreach (var item in array)
                {
                    if (Same(item, expected, ignoreCase))
                    {
                        any = true;
                        break;
                    }
                }

                if (!any)
                    return false;
            }
            else if (!Same(actual, expected, ignoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(object? actual, object expected, bool ignoreCase) =>
        ignoreCase && actual is string a && expected is string e
            ? string.Equals(a, e, StringComparison.OrdinalIgnoreCase)
            : CimValueComparer.Instance.Equals(actual, expected);
}
