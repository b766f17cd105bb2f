namespace CimCloud.WsManEndpoint.Faults;

/// <summary>The SOAP 1.2 fault code: who is to blame.</summary>
public enum WsManFaultCode
{
    Sender,
    Receiver,
    MustUnderstand,
    VersionMismatch,
}
