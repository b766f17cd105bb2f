using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary><c>wxf:InvalidRepresentation</c> faults with the DSP0226 detail names this mapping raises.</summary>
internal static class RepresentationFaults
{
    public const string InvalidValuesDetail = "InvalidValues";
    public const string InvalidNamespaceDetail = "InvalidNamespace";
    public const string InvalidFragmentDetail = "InvalidFragment";

    public static WsManFault InvalidValues(string reason) => WsManFaults.InvalidRepresentation(InvalidValuesDetail, reason);

    public static WsManFault InvalidNamespace(string reason) => WsManFaults.InvalidRepresentation(InvalidNamespaceDetail, reason);

    public static WsManFault InvalidFragment(string reason) => WsManFaults.InvalidRepresentation(InvalidFragmentDetail, reason);
}
