using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>One SOAP header block as it arrived: its qualified name and whether it carries <c>s:mustUnderstand="true"</c> (or "1").</summary>
public readonly record struct SoapHeader(XName Name, bool MustUnderstand);
