using CimCloud.ConformanceTests.Security;
using CimCloud.ConformanceTests.WsMan;

namespace CimCloud.ConformanceTests.Fuzz;

/// <summary>Valid request envelopes of every operation against cct.mof: the material the fuzzer mutates.</summary>
internal static class FuzzSeeds
{
    private const string Wql = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
    private const string Identify =
        """<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd"><s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>""";

    public static IReadOnlyList<(string Name, string Envelope)> All()
    {
        var host = SoapXml.ClassUriPrefix + "CCT_Host";
        return
        [
            ("Identify", Identify),
            ("Get", WsManCall.Get("CCT_Host", "host-1")),
            ("GetTwoKeys", WsManCall.Envelope(WsManCall.Transfer + "Get", "CCT_Port", WsManCall.Key("SystemName", "sys") + WsManCall.Key("PortNumber", "80"))),
            ("GetFragment", WsManCall.Envelope(WsManCall.Transfer + "Get", "CCT_Host", WsManCall.Key("InstanceID", "host-1")).Replace(
                "<w:OperationTimeout>", "<w:FragmentTransfer s:mustUnderstand=\"true\">CpuCount</w:FragmentTransfer><w:OperationTimeout>", StringComparison.Ordinal)),
            ("Put", WsManCall.PutBase("fuzz-base", "changed")),
            ("PutHost", WsManCall.Envelope(WsManCall.Transfer + "Put", "CCT_Host", WsManCall.Key("InstanceID", "host-2"),
                $"""<p:CCT_Host xmlns:p="{host}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common"><p:InstanceID>host-2</p:InstanceID><p:ElementName xsi:nil="true"/><p:EnabledState>2</p:EnabledState><p:Created><cim:Datetime>2026-01-01T00:00:00Z</cim:Datetime></p:Created><p:Uptime><cim:Interval>P1DT2H3M4S</cim:Interval></p:Uptime><p:Tags>x</p:Tags><p:Tags>y</p:Tags><p:CpuCount>16</p:CpuCount></p:CCT_Host>""")),
            ("Create", WsManCall.CreateBase("fuzz-created")),
            ("Delete", WsManCall.Delete("CCT_Base", "fuzz-created")),
            ("Enumerate", WsManCall.Envelope(WsManCall.Enumeration + "Enumerate", "CCT_Base",
                body: "<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>2</w:MaxElements><w:EnumerationMode>EnumerateObjectAndEPR</w:EnumerationMode></n:Enumerate>")),
            ("EnumerateWql", WsManCall.Envelope(WsManCall.Enumeration + "Enumerate", "*",
                body: $"<n:Enumerate><w:Filter Dialect=\"{Wql}\">SELECT InstanceID, CpuCount FROM CCT_Host WHERE CpuCount &gt; 2 AND InstanceID LIKE 'host%'</w:Filter></n:Enumerate>")),
            ("EnumerateAssociation", WsManCall.Envelope(WsManCall.Enumeration + "Enumerate", "*",
                body: $"""<n:Enumerate><w:Filter Dialect="http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter"><b:AssociatedInstances xmlns:b="http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd"><b:Object><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address><a:ReferenceParameters><w:ResourceURI>{host}</w:ResourceURI><w:SelectorSet><w:Selector Name="InstanceID">host-1</w:Selector></w:SelectorSet></a:ReferenceParameters></b:Object><b:AssociationClassName>CCT_HostDisk</b:AssociationClassName></b:AssociatedInstances></w:Filter></n:Enumerate>""")),
            ("Pull", WsManCall.Pull("CCT_Base", "uuid:00000000-0000-0000-0000-000000000001")),
            ("Release", WsManCall.Release("CCT_Base", "uuid:00000000-0000-0000-0000-000000000001")),
            ("InvokeStatic", WsManCall.Ping()),
            ("Invoke", WsManCall.Envelope($"{host}/RequestStateChange", "CCT_Host", WsManCall.Key("InstanceID", "host-1"),
                $"""<p:RequestStateChange_INPUT xmlns:p="{host}"><p:RequestedState>3</p:RequestedState></p:RequestStateChange_INPUT>""")),
        ];
    }
}
