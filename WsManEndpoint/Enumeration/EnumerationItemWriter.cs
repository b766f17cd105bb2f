using System.Xml;
using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>Writes one enumeration item (an instance, its EPR, or a <c>wsman:Item</c> with both) as the Enumerate asked.</summary>
internal delegate void EnumerationItemWriter(XmlWriter writer, CimInstance instance);
