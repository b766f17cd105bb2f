using System.Globalization;
using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.CimXmlEndpoint.Xml;

namespace CimCloud.CimXmlEndpoint.Operations;

/// <summary>
/// The IPARAMVALUEs of an intrinsic call, by case-insensitive name. Names the operation does not define, and a name
/// given twice, are CIM_ERR_INVALID_PARAMETER (DSP0200); a parameter given without content is NULL.
/// </summary>
internal sealed class ParameterSet
{
    private readonly Dictionary<string, XElement> _byName = new(StringComparer.OrdinalIgnoreCase);

    public ParameterSet(string operation, IReadOnlyList<XElement> parameters, IReadOnlyCollection<string> allowed)
    {
        foreach (var p in parameters)
        {
            var name = CimXmlReader.Attr(p, "NAME");
            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new CimException(CimStatusCode.InvalidParameter, $"{operation} has no parameter {name}");
            if (!_byName.TryAdd(name, p))
                throw new CimException(CimStatusCode.InvalidParameter, $"{operation}: parameter {name} is given twice");
        }
    }

    public XElement? Content(string name) => _byName.TryGetValue(name, out var p) ? p.Elements().FirstOrDefault() : null;

    public XElement RequiredContent(string name) =>
        Content(name) ?? throw new CimException(CimStatusCode.InvalidParameter, $"parameter {name} is required");

    public bool Has(string name) => Content(name) is not null;

    public string? String(string name) => Content(name) is { } e ? ValueText(e, name) : null;

    public string RequiredString(string name) => String(name) ?? throw new CimException(CimStatusCode.InvalidParameter, $"parameter {name} is required");

    public bool Bool(string name, bool defaultValue) =>
        String(name) is { } text ? (bool)CimValueConverter.FromText(text, CimDataType.Scalar(CimType.Boolean))! : defaultValue;

    public uint? UInt32(string name)
    {
        if (String(name) is not { } text)
            return null;
        return uint.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new CimException(CimStatusCode.InvalidParameter, $"parameter {name}: '{text}' is not a uint32");
    }

    public string? ClassName(string name)
    {
        if (Content(name) is not { } e)
            return null;
        return e.Name.LocalName == "CLASSNAME"
            ? CimXmlReader.Attr(e, "NAME")
            : throw new CimException(CimStatusCode.InvalidParameter, $"parameter {name} holds {e.Name.LocalName}; expected CLASSNAME");
    }

    public string RequiredClassName(string name) => ClassName(name) ?? throw new CimException(CimStatusCode.InvalidParameter, $"parameter {name} is required");

    public CimObjectPath RequiredInstanceName(string name, string @namespace)
    {
        var e = RequiredContent(name);
        if (e.Name.LocalName != "INSTANCENAME")
            throw new CimException(CimStatusCode.InvalidParameter, $"parameter {name} holds {e.Name.LocalName}; expected INSTANCENAME");
        return CimXmlReader.InstanceName(e, @namespace, null);
    }

    /// <summary>CLASSNAME or INSTANCENAME.</summary>
    public CimObjectPath RequiredObjectName(string name, string @namespace) => CimXmlReader.ObjectPath(RequiredContent(name), @namespace);

    public IReadOnlyCollection<string>? PropertyList(string name = "PropertyList")
    {
        if (Content(name) is not { } e)
            return null;
        if (e.Name.LocalName != "VALUE.ARRAY")
            throw new CimException(CimStatusCode.InvalidParameter, $"parameter {name} holds {e.Name.LocalName}; expected VALUE.ARRAY");
        return e.Elements("VALUE").Select(v => v.Value.Trim()).ToArray();
    }

    private static string ValueText(XElement e, string name) => e.Name.LocalName == "VALUE"
        ? e.Value
        : throw new CimException(CimStatusCode.InvalidParameter, $"parameter {name} holds {e.Name.LocalName}; expected VALUE");
}
