using System.Xml;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Writes an Invoke response body <c>&lt;p:Method_OUTPUT xmlns:p="class URI"&gt;</c> (spec digest §9): the out-parameters
/// in declaration order, then <c>ReturnValue</c>, with the same value rules as properties. Values are converted to the
/// declared types first (a provider may hand back an <c>int</c> for a uint32); out-parameters the result does not hold
/// are left out. A conversion failure is a <see cref="CimException"/> (the provider's fault).
/// </summary>
public static class MethodResultWriter
{
    public const string ReturnValueElement = "ReturnValue";

    public static void Write(XmlWriter writer, CimClass cimClass, CimMethod method, CimMethodResult result, InstanceWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        Write(writer, cimClass, method, result.ReturnValue, result.OutParameters, options);
    }

    /// <param name="writer">Positioned inside the SOAP body.</param>
    /// <param name="cimClass">The class of the resource URI: the element namespace.</param>
    /// <param name="method">The method invoked.</param>
    /// <param name="returnValue">The return value (null is written as nil).</param>
    /// <param name="outParameters">Out-parameter values by name (any key comparer; matched case-insensitively).</param>
    /// <param name="options">Value rendering (nil, EPR namespace).</param>
    public static void Write(XmlWriter writer, CimClass cimClass, CimMethod method, object? returnValue,
        IReadOnlyDictionary<string, object?>? outParameters, InstanceWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(cimClass);
        ArgumentNullException.ThrowIfNull(method);
        options ??= InstanceWriteOptions.Default;
        var ns = ClassXmlInfo.For(cimClass).Namespace;
        var prefix = WsCimXml.ClassPrefix(0);
        writer.WriteStartElement(prefix, method.Name + "_OUTPUT", ns);
        foreach (var parameter in method.Parameters)
        {
            if (!parameter.IsOut || !TryGet(outParameters, parameter.Name, out var value))
                continue;
            var typed = CimValueConverter.Convert(value, parameter.DataType);
            CimValueXmlWriter.WriteProperty(writer, prefix, ns, parameter.Name, parameter.DataType, typed, options, depth: 0);
        }

        var returnType = CimDataType.Scalar(method.ReturnType);
        CimValueXmlWriter.WriteProperty(writer, prefix, ns, ReturnValueElement, returnType, CimValueConverter.Convert(returnValue, returnType), options, depth: 0);
        writer.WriteEndElement();
    }

    private static bool TryGet(IReadOnlyDictionary<string, object?>? values, string name, out object? value)
    {
        value = null;
        if (values is null)
            return false;
        if (values.TryGetValue(name, out value))
            return true;
        foreach (var (key, v) in values)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        return false;
    }
}
