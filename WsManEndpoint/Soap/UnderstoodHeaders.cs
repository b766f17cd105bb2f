using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>The header blocks CimCloud implements; any other block with <c>s:mustUnderstand="true"</c> is an <c>s:MustUnderstand</c> fault.</summary>
public static class UnderstoodHeaders
{
    private static readonly HashSet<XName> Names = Build();

    public static bool Contains(XName name) => Names.Contains(name);

    private static HashSet<XName> Build()
    {
        var wsa = WsManNamespaces.Addressing;
        var wsman = WsManNamespaces.WsMan;
        return
        [
            wsa + "To", wsa + "Action", wsa + "MessageID", wsa + "ReplyTo", wsa + "FaultTo", wsa + "From", wsa + "RelatesTo",
            wsman + "ResourceURI", wsman + "SelectorSet", wsman + "OptionSet", wsman + "OperationTimeout",
            wsman + "MaxEnvelopeSize", wsman + "Locale", wsman + "FragmentTransfer", wsman + "RequestEPR",
            wsman + "RequestTotalItemsCountEstimate",
            WsManNamespaces.CimBinding + "PolymorphismMode",
            WsManNamespaces.Eventing + "Identifier",
            WsManNamespaces.MsWsMan + "DataLocale",
        ];
    }
}
