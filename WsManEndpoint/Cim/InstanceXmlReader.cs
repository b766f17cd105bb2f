using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Reads a DSP0230 instance element (Put and Create bodies) into a new, writable <see cref="CimInstance"/>.
/// Faults are <c>wxf:InvalidRepresentation</c>: InvalidNamespace when the element (or a property element) is not in
/// the namespace of the class, an ancestor, or the request's resource URI; InvalidValues for unknown properties and
/// values that do not convert. Element order does not matter; properties not given keep their class defaults.
/// </summary>
public sealed class InstanceXmlReader
{
    private readonly CimValueXmlReader _values;

    /// <param name="classLookup">Finds classes by name (case-insensitive): embedded instances and reference targets.</param>
    public InstanceXmlReader(Func<string, CimClass?> classLookup)
    {
        ArgumentNullException.ThrowIfNull(classLookup);
        _values = new CimValueXmlReader(classLookup);
    }

    /// <summary>Reads <paramref name="element"/> as an instance of <paramref name="cimClass"/>.</summary>
    /// <param name="element">The instance element (the SOAP body's child).</param>
    /// <param name="cimClass">The class the instance is of.</param>
    /// <param name="namespace">The CIM namespace given to the new instance.</param>
    /// <param name="resourceUri">The request's resource URI, accepted as the element namespace too.</param>
    public CimInstance Read(XElement element, CimClass cimClass, string? @namespace = null, string? resourceUri = null) =>
        Read(element, cimClass, @namespace, resourceUri, presentProperties: null);

    /// <summary>As <see cref="Read(XElement, CimClass, string?, string?)"/>, adding the declared name of each property the element gave to <paramref name="presentProperties"/>.</summary>
    public CimInstance Read(XElement element, CimClass cimClass, string? @namespace, string? resourceUri, ICollection<string>? presentProperties)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(cimClass);
        try
        {
            return InstanceElementReader.Read(_values, element, cimClass, @namespace, resourceUri, presentProperties, depth: 0);
        }
        catch (CimException ex)
        {
            throw WsManFaults.InvalidRepresentation(RepresentationFaults.InvalidValuesDetail, ex.Message);
        }
    }

    /// <summary>
    /// Reads an embedded instance value given as a nested instance element, CIM-XML text or MOF text (the content of a
    /// property or parameter element); <paramref name="declaredClass"/> (EmbeddedInstance) limits the class.
    /// </summary>
    public CimInstance ReadEmbedded(XElement valueElement, string? declaredClass = null)
    {
        ArgumentNullException.ThrowIfNull(valueElement);
        try
        {
            return EmbeddedInstanceReader.Read(_values, valueElement, declaredClass, $"element {valueElement.Name.LocalName}", depth: 1);
        }
        catch (CimException ex)
        {
            throw WsManFaults.InvalidRepresentation(RepresentationFaults.InvalidValuesDetail, ex.Message);
        }
    }
}
