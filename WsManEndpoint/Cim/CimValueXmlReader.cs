using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Reads typed values from WS-CIM elements (DSP0230): text per <see cref="CimValueConverter.FromText"/>, datetime
/// wrappers or bare text, references as EPR children, embedded instances as nested XML, CIM-XML or MOF text.
/// Every failure is <c>wxf:InvalidRepresentation</c> / InvalidValues (InvalidNamespace for a wrong element namespace);
/// callers that report other faults (method parameters) translate.
/// </summary>
internal sealed class CimValueXmlReader(Func<string, CimClass?> classLookup)
{
    public Func<string, CimClass?> ClassLookup { get; } = classLookup;

    /// <summary>The value of a property or parameter from all its elements (document order).</summary>
    public object? ReadValue(IReadOnlyList<XElement> elements, CimDataType type, string what, int depth)
    {
        if (!type.IsArray)
        {
            if (elements.Count != 1)
                throw RepresentationFaults.InvalidValues($"{what} is not an array but is given {elements.Count} times");
            return ReadScalar(elements[0], type, what, depth);
        }

        if (elements.Count == 1 && WsCimXml.IsNil(elements[0]))
            return null;
        var items = new object?[elements.Count];
        var elementType = type.ElementType;
        for (var i = 0; i < items.Length; i++)
            items[i] = ReadScalar(elements[i], elementType, $"{what}[{i}]", depth);
        return Convert(items, type, what);
    }

    /// <summary>One scalar from one element; <c>xsi:nil</c> gives null.</summary>
    public object? ReadScalar(XElement element, CimDataType type, string what, int depth)
    {
        if (WsCimXml.IsNil(element))
            return null;
        switch (type.Type)
        {
            case CimType.DateTime:
                try
                {
                    return CimDateTimeXmlParser.Parse(element);
                }
                catch (FormatException ex)
                {
                    throw RepresentationFaults.InvalidValues($"{what}: {ex.Message}");
                }

            case CimType.Reference:
                return ReadReference(element, type.ClassName, what, depth);
            case CimType.Instance:
                return EmbeddedInstanceReader.Read(this, element, type.ClassName, what, depth + 1);
            default:
                if (element.HasElements)
                    throw RepresentationFaults.InvalidValues($"{what} must hold a {type} value as text, not element {element.Elements().First().Name}");
                return FromText(element.Value, type, what, depth);
        }
    }

    /// <summary>A scalar from text: raw or XML Schema datetimes, WBEM paths for references, CIM-XML or MOF for embedded instances.</summary>
    public object FromText(string text, CimDataType type, string what, int depth)
    {
        switch (type.Type)
        {
            case CimType.DateTime:
                try
                {
                    return CimDateTimeXmlParser.ParseText(text);
                }
                catch (FormatException ex)
                {
                    throw RepresentationFaults.InvalidValues($"{what}: {ex.Message}");
                }

            case CimType.Reference:
                return CheckClass(ParsePath(text, what), type.ClassName, what);
            case CimType.Instance:
                return EmbeddedInstanceReader.FromText(this, text, type.ClassName, what, depth + 1);
            default:
                try
                {
                    return CimValueConverter.FromText(text, type.ElementType)!;
                }
                catch (CimException ex)
                {
                    throw RepresentationFaults.InvalidValues($"{what}: {ex.Message}");
                }
        }
    }

    /// <summary>A reference from EPR children (or a nested wsa:EndpointReference); a WBEM path as text is accepted too.</summary>
    public CimObjectPath ReadReference(XElement element, string? declaredClass, string what, int depth)
    {
        if (element.Element(WsCimXml.EndpointReference) is null && element.Element(WsCimXml.ReferenceParameters) is null &&
            element.Element(WsCimXml.ReferenceProperties) is null)
        {
            if (!element.HasElements && element.Value.Trim().Length > 0)
                return CheckClass(ParsePath(element.Value, what), declaredClass, what);
            throw RepresentationFaults.InvalidValues($"{what} must hold an endpoint reference (wsa:Address and wsa:ReferenceParameters)");
        }

        CimObjectPath path;
        try
        {
            path = EndpointReferenceBinder.Bind(element, ClassLookup, null, depth + 1);
        }
        catch (WsManFault fault)
        {
            throw RepresentationFaults.InvalidValues($"{what}: {fault.Message}");
        }

        return CheckClass(path, declaredClass, what);
    }

    /// <summary>Converts collected items (or any value) to the declared type.</summary>
    public static object? Convert(object? value, CimDataType type, string what)
    {
        try
        {
            return CimValueConverter.Convert(value, type);
        }
        catch (CimException ex)
        {
            throw RepresentationFaults.InvalidValues($"{what}: {ex.Message}");
        }
    }

    private static CimObjectPath ParsePath(string text, string what) =>
        CimObjectPath.TryParse(text.Trim(), out var path, out var error)
            ? path
            : throw RepresentationFaults.InvalidValues($"{what}: '{text.Trim()}' is not an object path: {error}");

    public CimObjectPath CheckClass(CimObjectPath path, string? declaredClass, string what) =>
        ReferenceClassCheck.Fits(path.ClassName, declaredClass, ClassLookup)
            ? path
            : throw RepresentationFaults.InvalidValues($"{what}: the reference names class {path.ClassName}, which is not a {declaredClass}");
}
