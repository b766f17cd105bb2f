using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Reads an Invoke body <c>&lt;p:Method_INPUT xmlns:p="class URI"&gt;</c> (spec digest §9) into in-parameter values typed
/// per the method. Faults are <c>wsman:InvalidParameter</c>: InvalidName for a wrong element name or namespace or an
/// unknown (or out-only) parameter; TypeMismatch for a value that does not convert; MissingValues for a missing
/// parameter qualified Required.
/// </summary>
public sealed class MethodParameterReader
{
    public const string InvalidNameDetail = "InvalidName";
    public const string TypeMismatchDetail = "TypeMismatch";
    public const string MissingValuesDetail = "MissingValues";

    private readonly CimValueXmlReader _values;

    /// <param name="classLookup">Finds classes by name (case-insensitive): embedded instances and reference targets.</param>
    public MethodParameterReader(Func<string, CimClass?> classLookup)
    {
        ArgumentNullException.ThrowIfNull(classLookup);
        _values = new CimValueXmlReader(classLookup);
    }

    /// <summary>
    /// The in-parameters given in <paramref name="input"/> by declared name (case-insensitive keys); parameters not
    /// given are absent. A null <paramref name="input"/> (empty body) gives no parameters.
    /// </summary>
    /// <param name="input">The body's <c>Method_INPUT</c> element, or null.</param>
    /// <param name="cimClass">The class of the resource URI (its namespace and its ancestors' are accepted).</param>
    /// <param name="method">The method invoked.</param>
    /// <param name="resourceUri">The request's resource URI, accepted as the element namespace too.</param>
    public IReadOnlyDictionary<string, object?> Read(XElement? input, CimClass cimClass, CimMethod method, string? resourceUri = null)
    {
        ArgumentNullException.ThrowIfNull(cimClass);
        ArgumentNullException.ThrowIfNull(method);
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (input is not null)
            ReadInto(result, input, cimClass, method, resourceUri);
        var missing = method.Parameters.Where(p => p.IsIn && p.Qualifiers.IsTrue("Required") && !result.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
            throw WsManFaults.InvalidParameter($"method {method.Name} needs parameter{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)}", MissingValuesDetail);
        return result;
    }

    private void ReadInto(Dictionary<string, object?> result, XElement input, CimClass cimClass, CimMethod method, string? resourceUri)
    {
        var expected = method.Name + "_INPUT";
        if (!string.Equals(input.Name.LocalName, expected, StringComparison.OrdinalIgnoreCase))
            throw WsManFaults.InvalidParameter($"the body element is {input.Name.LocalName}; method {method.Name} expects {expected}", InvalidNameDetail);
        var ns = input.Name.Namespace;
        if (!ClassNamespaceMatcher.Accepts(ns.NamespaceName, cimClass, resourceUri))
            throw WsManFaults.InvalidParameter($"{expected} is in namespace '{ns.NamespaceName}', not {ClassXmlInfo.For(cimClass).Namespace}", InvalidNameDetail);

        var groups = new Dictionary<CimParameter, List<XElement>>();
        foreach (var child in input.Elements())
        {
            var parameter = method.FindParameter(child.Name.LocalName);
            if (parameter is not { IsIn: true })
                throw WsManFaults.InvalidParameter($"method {method.Name} has no in-parameter {child.Name.LocalName}", InvalidNameDetail);
            var childNs = child.Name.Namespace;
            if (childNs != ns && childNs != XNamespace.None && !ClassNamespaceMatcher.Accepts(childNs.NamespaceName, cimClass, resourceUri))
                throw WsManFaults.InvalidParameter($"parameter element {child.Name.LocalName} is in namespace '{childNs.NamespaceName}'", InvalidNameDetail);
            if (!groups.TryGetValue(parameter, out var list))
                groups[parameter] = list = [];
            list.Add(child);
        }

        foreach (var (parameter, list) in groups)
        {
            try
            {
                result[parameter.Name] = _values.ReadValue(list, parameter.DataType, $"parameter {parameter.Name}", depth: 0);
            }
            catch (WsManFault fault)
            {
                throw WsManFaults.InvalidParameter(fault.Message, TypeMismatchDetail);
            }
            catch (CimException ex)
            {
                throw WsManFaults.InvalidParameter(ex.Message, TypeMismatchDetail);
            }
        }
    }
}
