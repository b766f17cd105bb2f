using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>XML namespaces of SOAP 1.2, WS-Addressing (2004/08), WS-Transfer, WS-Enumeration, WS-Management and WS-CIM.</summary>
public static class WsManNamespaces
{
    public static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Addressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static readonly XNamespace Transfer = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public static readonly XNamespace Enumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static readonly XNamespace Eventing = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    public static readonly XNamespace WsMan = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static readonly XNamespace Identity = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    public static readonly XNamespace CimBinding = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";
    public static readonly XNamespace CimCommon = "http://schemas.dmtf.org/wbem/wscim/1/common";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    public static readonly XNamespace MsWsMan = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    public static readonly XNamespace MsFault = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";

    /// <summary>WS-Addressing anonymous role, used as To of responses and Address of returned EPRs.</summary>
    public const string AnonymousAddress = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";

    /// <summary>Prefix of fault detail URIs (…/faultDetail/InsufficientSelectors).</summary>
    public const string FaultDetailPrefix = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";
}
