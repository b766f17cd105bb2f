namespace CimCloud.WsManEndpoint.Soap;

/// <summary>Action URIs of the operations CimCloud serves and of the faults it sends.</summary>
public static class WsManActions
{
    private const string TransferBase = "http://schemas.xmlsoap.org/ws/2004/09/transfer/";
    private const string EnumerationBase = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/";

    public const string Get = TransferBase + "Get";
    public const string GetResponse = TransferBase + "GetResponse";
    public const string Put = TransferBase + "Put";
    public const string PutResponse = TransferBase + "PutResponse";
    public const string Create = TransferBase + "Create";
    public const string CreateResponse = TransferBase + "CreateResponse";
    public const string Delete = TransferBase + "Delete";
    public const string DeleteResponse = TransferBase + "DeleteResponse";

    public const string Enumerate = EnumerationBase + "Enumerate";
    public const string EnumerateResponse = EnumerationBase + "EnumerateResponse";
    public const string Pull = EnumerationBase + "Pull";
    public const string PullResponse = EnumerationBase + "PullResponse";
    public const string Release = EnumerationBase + "Release";
    public const string ReleaseResponse = EnumerationBase + "ReleaseResponse";
    public const string Renew = EnumerationBase + "Renew";
    public const string GetStatus = EnumerationBase + "GetStatus";

    public const string AddressingFault = "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault";
    public const string WsManFault = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
    public const string TransferFault = TransferBase + "fault";
    public const string EnumerationFault = EnumerationBase + "fault";
    public const string EventingFault = "http://schemas.xmlsoap.org/ws/2004/08/eventing/fault";
}
