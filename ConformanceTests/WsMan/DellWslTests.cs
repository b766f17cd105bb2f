using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.WsMan;

/// <summary>Dell <c>wsl</c> (Debian package wsl 0.2.1) against <c>cimcloud serve</c> with cct.mof.</summary>
public sealed class DellWslTests(WsManServerProcess server, ITestOutputHelper output) : IClassFixture<WsManServerProcess>
{
    [Fact]
    public void Wslid_check_identifies_CimCloud()
    {
        using var wsl = Start();
        if (wsl is null)
            return;

        var run = wsl.Run("wslid", "check");

        run.Process.ExitCode.Should().Be(0, run.ToString());
        var identify = SoapXml.Parse(run.LastResponse).Body().Element(SoapXml.Wsmid + "IdentifyResponse");
        identify.Should().NotBeNull(run.ToString());
        identify!.Element(SoapXml.Wsmid + "ProtocolVersion")!.Value.Should().Be("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd");
        identify.Element(SoapXml.Wsmid + "ProductVendor")!.Value.Should().Be("CimCloud");
    }

    [Fact]
    public void Wsl_enum_of_CCT_Base_returns_the_instances_of_every_subclass()
    {
        using var wsl = Start();
        if (wsl is null)
            return;

        // The wsl wrapper enumerates optimized (MaxElements 512) and pulls while the response carries a context.
        var run = wsl.Run("wsl", "enum", "CCT_Base", "-ns", "root/cimv2");

        run.Process.ExitCode.Should().Be(0, run.ToString());
        var responses = run.Responses.Select(SoapXml.Parse).ToList();
        responses.Should().OnlyContain(r => r.Fault() == null, run.ToString());
        responses[^1].HasEndOfSequence().Should().BeTrue(run.ToString());
        var instances = responses.SelectMany(r => r.Instances()).Where(i => !(i["InstanceID"] ?? "").StartsWith("wsl-test-", StringComparison.Ordinal)).ToList();
        instances.Select(i => $"{i.ClassName}/{i["InstanceID"]}").Should().BeEquivalentTo(
            "CCT_Host/host-1", "CCT_Host/host-2", "CCT_Disk/disk-1", "CCT_Disk/disk-2", "CCT_Base/base-1", "CCT_Base/big-1");

        var host1 = instances.Single(i => i["InstanceID"] == "host-1");
        host1["CpuCount"].Should().Be("8", "subclass properties come with the subclass instance");
        host1.Values("Tags").Should().Equal("a", "b");
        host1.IsNil("ElementName").Should().BeTrue();
        instances.Single(i => i["InstanceID"] == "host-2")["ElementName"].Should().Be("two");
        instances.Single(i => i["InstanceID"] == "disk-2")["Capacity"].Should().Be("2147483648");
        var big = instances.Single(i => i["InstanceID"] == "big-1")["ElementName"];
        big.Should().NotBeNull();
        big!.Length.Should().Be(20000);
        big.Should().MatchRegex("^x+$");
    }

    [Fact]
    public void Wslget_reads_host_1()
    {
        using var wsl = Start();
        if (wsl is null)
            return;

        var run = wsl.Run("wslget", "CCT_Host", "InstanceID=host-1");

        run.Process.ExitCode.Should().Be(0, run.ToString());
        var response = SoapXml.Parse(run.LastResponse);
        response.Action().Should().Be("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse");
        var host = response.Instances().Should().ContainSingle().Subject;
        host.ClassName.Should().Be("CCT_Host");
        host["InstanceID"].Should().Be("host-1");
        host["CpuCount"].Should().Be("8");
        host["EnabledState"].Should().Be("2");
        host.Values("Tags").Should().Equal("a", "b");
        host.IsNil("ElementName").Should().BeTrue();
        host.Element.Element(host.Element.Name.Namespace + "Created")!.Value.Trim().Should().StartWith("2026-01-01T00:00:00");
        host.Element.Element(host.Element.Name.Namespace + "Uptime")!.Value.Trim().Should().Be("P1DT2H3M4.000005S");
    }

    [Fact]
    public void Wslget_reads_the_two_key_CCT_Port()
    {
        using var wsl = Start();
        if (wsl is null)
            return;

        var run = wsl.Run("wslget", "CCT_Port", "SystemName=host-1", "PortNumber=22");

        run.Process.ExitCode.Should().Be(0, run.ToString());
        var port = SoapXml.Parse(run.LastResponse).Instances().Should().ContainSingle().Subject;
        port.ClassName.Should().Be("CCT_Port");
        port["SystemName"].Should().Be("host-1");
        port["PortNumber"].Should().Be("22");
        port["Proto"].Should().Be("tcp");
    }

    [Fact]
    public void Wsl_enum_with_an_association_filter_finds_the_disks_of_host_1()
    {
        using var wsl = Start();
        if (wsl is null)
            return;

        // wsl 0.2.1 swaps its flags: -references sends wsmb:AssociatedInstances (CIM Associators).
        var run = wsl.Run("wsl", "enum", "CCT_Host", "-ns", "root/cimv2", "-references", "InstanceID=host-1");

        run.Process.ExitCode.Should().Be(0, run.ToString());
        run.Requests[0].Should().Contain("AssociatedInstances");
        var disks = run.Responses.Select(SoapXml.Parse).SelectMany(r => r.Instances()).ToList();
        disks.Select(d => $"{d.ClassName}/{d["InstanceID"]}").Should().BeEquivalentTo(new[] { "CCT_Disk/disk-1", "CCT_Disk/disk-2" }, run.ToString());
        disks.Single(d => d["InstanceID"] == "disk-1")["Capacity"].Should().Be("1073741824");
    }

    [Fact]
    public void Wsl_enum_with_an_association_instances_filter_returns_the_CCT_HostDisk_links()
    {
        using var wsl = Start();
        if (wsl is null)
            return;

        // ... and -associators sends wsmb:AssociationInstances (CIM References).
        var run = wsl.Run("wsl", "enum", "CCT_Host", "-ns", "root/cimv2", "-associators", "InstanceID=host-1");

        run.Process.ExitCode.Should().Be(0, run.ToString());
        run.Requests[0].Should().Contain("AssociationInstances");
        var links = run.Responses.Select(SoapXml.Parse).SelectMany(r => r.Instances()).ToList();
        links.Should().HaveCount(2, run.ToString()).And.OnlyContain(l => l.ClassName == "CCT_HostDisk");
        links.Select(l => l.ReferenceSelectors("Antecedent")["InstanceID"]).Should().Equal("host-1", "host-1");
        links.Select(l => l.ReferenceSelectors("Dependent")["InstanceID"]).Should().BeEquivalentTo("disk-1", "disk-2");
    }

    [Fact]
    public async Task Wslput_fragment_changes_ElementName_of_an_instance_the_test_created()
    {
        using var wsl = Start();
        if (wsl is null)
            return;
        var id = "wsl-test-" + Guid.NewGuid().ToString("N")[..8];
        await RawWsMan.CreateBaseAsync(server.Endpoint, id, "before");
        try
        {
            // wslput enumerates the class (ObjectAndEPR, filtered to one instance), then Puts to that instance's EPR.
            var put = wsl.Run("wslput", "CCT_Base", "ElementName=after", "-fragment", "-filter", $"SELECT * FROM CCT_Base WHERE InstanceID='{id}'");

            // (wslput's exit code is 1 even on success: it greps the Put response for "_OUTPUT", as wslinvoke does.)
            put.Requests.Should().HaveCount(2, put.ToString());
            put.Requests[1].Should().Contain("transfer/Put").And.Contain($">{id}<");
            var putResponse = SoapXml.Parse(put.LastResponse);
            putResponse.Fault().Should().BeNull(put.ToString());
            putResponse.Action().Should().Be("http://schemas.xmlsoap.org/ws/2004/09/transfer/PutResponse");
            putResponse.Body().Descendants().Single(e => e.Name.LocalName == "ElementName").Value.Should().Be("after");

            var get = wsl.Run("wslget", "CCT_Base", $"InstanceID={id}");
            get.Process.ExitCode.Should().Be(0, get.ToString());
            SoapXml.Parse(get.LastResponse).Instances().Should().ContainSingle().Which["ElementName"].Should().Be("after");
        }
        finally
        {
            await RawWsMan.DeleteBaseAsync(server.Endpoint, id);
        }
    }

    [Fact]
    public async Task Wslput_full_instance_changes_ElementName_of_an_instance_the_test_created()
    {
        using var wsl = Start();
        if (wsl is null)
            return;
        var id = "wsl-test-" + Guid.NewGuid().ToString("N")[..8];
        await RawWsMan.CreateBaseAsync(server.Endpoint, id, "before");
        try
        {
            var put = wsl.Run("wslput", "CCT_Base", "ElementName=after", "-filter", $"SELECT * FROM CCT_Base WHERE InstanceID='{id}'");

            var putResponse = SoapXml.Parse(put.LastResponse);
            putResponse.Fault().Should().BeNull(put.ToString());
            putResponse.Action().Should().Be("http://schemas.xmlsoap.org/ws/2004/09/transfer/PutResponse");

            var get = wsl.Run("wslget", "CCT_Base", $"InstanceID={id}");
            SoapXml.Parse(get.LastResponse).Instances().Should().ContainSingle().Which["ElementName"].Should().Be("after");
        }
        finally
        {
            await RawWsMan.DeleteBaseAsync(server.Endpoint, id);
        }
    }

    [Fact]
    public void Wslinvoke_of_RequestStateChange_without_a_provider_is_reported_as_a_fault_not_a_success()
    {
        using var wsl = Start();
        if (wsl is null)
            return;

        // wslinvoke cannot call a static method (it always enumerates EPRs and invokes on the first one), so it calls
        // the instance method RequestStateChange on host-1; no provider serves CCT_Host under `cimcloud serve`.
        var run = wsl.Run("wslinvoke", "CCT_Host", "RequestStateChange", "RequestedState=3", "-filter", "SELECT * FROM CCT_Host WHERE InstanceID='host-1'");

        run.Process.ExitCode.Should().NotBe(0, "wslinvoke exits 0 only when the response has a RequestStateChange_OUTPUT\n" + run);
        var invoke = run.Requests[^1];
        invoke.Should().Contain("<wsa:Action s:mustUnderstand=\"true\">http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CCT_Host/RequestStateChange</wsa:Action>")
            .And.Contain("<wsman:Selector Name=\"InstanceID\">host-1</wsman:Selector>")
            .And.Contain("<p:RequestedState>3</p:RequestedState>");
        var response = SoapXml.Parse(run.LastResponse);
        response.Fault().Should().NotBeNull(run.ToString());
        run.LastResponse.Should().NotContain("_OUTPUT");
    }

    [Fact]
    public void Wslinvoke_of_RequestStateChange_without_a_provider_shows_ActionNotSupported()
    {
        using var wsl = Start();
        if (wsl is null)
            return;

        var run = wsl.Run("wslinvoke", "CCT_Host", "RequestStateChange", "RequestedState=3", "-filter", "SELECT * FROM CCT_Host WHERE InstanceID='host-1'");

        var response = SoapXml.Parse(run.LastResponse);
        response.FaultSubcodeName().Should().Be("ActionNotSupported", run.ToString());
        response.FaultReason().Should().Contain("RequestStateChange");
    }

    private DellWsl? Start() =>
        server.Require(output) && WsManClients.RequireWsl(output) ? new DellWsl(server, output) : null;
}
