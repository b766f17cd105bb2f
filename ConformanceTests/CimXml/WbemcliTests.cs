using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.CimXml;

/// <summary>
/// sblim <c>wbemcli</c>, an unmodified CIM-XML client, against <c>cimcloud serve --cimxml</c> loaded with cct.mof: every
/// command it has for classes, instances, associations, properties and methods, plus its error reporting.
/// </summary>
public sealed class WbemcliTests(CimXmlServerProcess server, ITestOutputHelper output) : IClassFixture<CimXmlServerProcess>
{
    private string Prefix => server.WbemPrefix;

    private async Task<Wbemcli.Result> RunAsync(params string[] args)
    {
        var result = await Wbemcli.RunAsync(args);
        output.WriteLine($"wbemcli {string.Join(' ', args)} -> {result.ExitCode}\n{result.All}");
        return result;
    }

    [Fact]
    public async Task Ecn_lists_the_fixture_classes()
    {
        if (!server.Require(output))
            return;
        var r = await RunAsync("ecn", Prefix);
        r.ExitCode.Should().Be(0, server.Output);
        r.Lines.Select(l => l[(l.LastIndexOf(':') + 1)..]).Should().Contain(["CCT_Base", "CCT_Host", "CCT_Disk", "CCT_HostDisk", "CCT_Port"]);
    }

    [Fact]
    public async Task Gc_returns_the_class_with_inherited_properties()
    {
        if (!server.Require(output))
            return;
        var r = await RunAsync("gc", $"{Prefix}:CCT_Host");
        r.ExitCode.Should().Be(0);
        r.Stdout.Should().Contain("CCT_Host").And.Contain("InstanceID=").And.Contain("CpuCount=").And.Contain("Tags=");
    }

    [Fact]
    public async Task Ei_returns_every_instance_polymorphically_with_values()
    {
        if (!server.Require(output))
            return;
        var r = await RunAsync("ei", $"{Prefix}:CCT_Base");
        r.ExitCode.Should().Be(0);
        r.Lines.Should().HaveCount(6);
        var host1 = r.Lines.Single(l => l.Contains("InstanceID=\"host-1\" ", StringComparison.Ordinal));
        host1.Should().Contain("CCT_Host.InstanceID=\"host-1\"").And.Contain("CpuCount=8").And.Contain("Tags=\"a\",\"b\"")
            .And.Contain("Created=20260101000000.000000+000").And.Contain("Uptime=00000001020304.000005:000").And.Contain("ElementName=,");
        r.Lines.Single(l => l.Contains("\"big-1\" ", StringComparison.Ordinal)).Should().Contain(new string('x', 1000));
    }

    [Fact]
    public async Task Ein_returns_the_instance_names()
    {
        if (!server.Require(output))
            return;
        var r = await RunAsync("ein", $"{Prefix}:CCT_Base");
        r.ExitCode.Should().Be(0);
        r.Lines.Should().HaveCount(6).And.Contain(l => l.EndsWith("CCT_Disk.InstanceID=\"disk-2\"", StringComparison.Ordinal));
        var ports = await RunAsync("ein", $"{Prefix}:CCT_Port");
        ports.Lines.Should().ContainSingle().Which.Should().Contain("PortNumber=22").And.Contain("SystemName=\"host-1\"");
    }

    [Fact]
    public async Task Gi_reads_one_instance_and_gp_one_property()
    {
        if (!server.Require(output))
            return;
        var gi = await RunAsync("gi", $"{Prefix}:CCT_Host.InstanceID=\"host-2\"");
        gi.ExitCode.Should().Be(0);
        gi.Stdout.Should().Contain("ElementName=\"two\"").And.Contain("EnabledState=3").And.Contain("CpuCount=4");
        var gp = await RunAsync("gp", $"{Prefix}:CCT_Host.InstanceID=\"host-1\"", "CpuCount");
        gp.ExitCode.Should().Be(0);
        gp.Stdout.Trim().Should().Be("8");
        var twoKeys = await RunAsync("gi", $"{Prefix}:CCT_Port.SystemName=\"host-1\",PortNumber=22");
        twoKeys.Stdout.Should().Contain("Proto=\"tcp\"");
    }

    [Fact]
    public async Task Ci_mi_sp_di_create_change_and_delete_an_instance()
    {
        if (!server.Require(output))
            return;
        var path = $"{Prefix}:CCT_Host.InstanceID=\"wbemcli-1\"";
        (await RunAsync("ci", path, "InstanceID=wbemcli-1,CpuCount=3,Tags=x")).ExitCode.Should().Be(0);
        try
        {
            (await RunAsync("gi", path)).Stdout.Should().Contain("CpuCount=3").And.Contain("Tags=\"x\"");
            (await RunAsync("mi", path, "CpuCount=5")).ExitCode.Should().Be(0);
            var afterMi = await RunAsync("gi", path);
            afterMi.Stdout.Should().Contain("CpuCount=5").And.Contain("Tags=\"x\"", "ModifyInstance changes only the properties it was given");
            (await RunAsync("sp", path, "CpuCount=7")).ExitCode.Should().Be(0);
            (await RunAsync("gi", path)).Stdout.Should().Contain("CpuCount=7");
            var duplicate = await RunAsync("ci", path, "InstanceID=wbemcli-1");
            duplicate.ExitCode.Should().NotBe(0);
            duplicate.All.Should().Contain("CIM_ERR_ALREADY_EXISTS");
        }
        finally
        {
            (await RunAsync("di", path)).ExitCode.Should().Be(0);
        }

        var gone = await RunAsync("gi", path);
        gone.ExitCode.Should().NotBe(0);
        gone.All.Should().Contain("(6) CIM_ERR_NOT_FOUND");
    }

    [Fact]
    public async Task Ai_and_ri_follow_the_association()
    {
        if (!server.Require(output))
            return;
        var host = $"{Prefix}:CCT_Host.InstanceID=\"host-1\"";
        var ai = await RunAsync("ai", "-ac", "CCT_HostDisk", "-arc", "CCT_Disk", host);
        ai.ExitCode.Should().Be(0);
        ai.Lines.Should().HaveCount(2).And.OnlyContain(l => l.Contains("CCT_Disk.InstanceID=", StringComparison.Ordinal));
        ai.Stdout.Should().Contain("Capacity=1073741824").And.Contain("Capacity=2147483648");
        var ri = await RunAsync("ri", host);
        ri.ExitCode.Should().Be(0);
        ri.Lines.Should().HaveCount(2).And.OnlyContain(l => l.Contains("CCT_HostDisk.", StringComparison.Ordinal));
        var none = await RunAsync("ai", $"{Prefix}:CCT_Host.InstanceID=\"host-2\"");
        none.ExitCode.Should().Be(0);
        none.Lines.Should().BeEmpty();
    }

    [Fact]
    public async Task Ec_ain_rin_enumerate_subclasses_and_names()
    {
        if (!server.Require(output))
            return;
        var ec = await RunAsync("ec", $"{Prefix}:CCT_Base");
        ec.ExitCode.Should().Be(0);
        ec.Lines.Select(l => l.Split(' ')[0][(l.LastIndexOf(':', l.IndexOf(' ', StringComparison.Ordinal)) + 1)..]).Should().BeEquivalentTo("CCT_Host", "CCT_Disk");
        var ain = await RunAsync("ain", $"{Prefix}:CCT_Host.InstanceID=\"host-1\"");
        ain.Lines.Should().HaveCount(2).And.OnlyContain(l => l.Contains("CCT_Disk.InstanceID=\"disk-", StringComparison.Ordinal));
        var rin = await RunAsync("rin", $"{Prefix}:CCT_Disk.InstanceID=\"disk-1\"");
        rin.Lines.Should().ContainSingle().Which.Should().Contain("CCT_HostDisk.").And.Contain("InstanceID=\"host-1\"");
    }

    [Fact]
    public async Task Cm_reaches_the_method_dispatch_and_reports_cim_errors()
    {
        if (!server.Require(output))
            return;
        // cct.mof has no method provider: the call must get through to the core, which answers NOT_SUPPORTED
        // (the same answer WS-Man Invoke gives); unknown methods are METHOD_NOT_FOUND.
        var cm = await RunAsync("cm", $"{Prefix}:CCT_Host.InstanceID=\"host-1\"", "RequestStateChange.RequestedState=2");
        cm.ExitCode.Should().NotBe(0);
        cm.All.Should().Contain("(7) CIM_ERR_NOT_SUPPORTED").And.Contain("RequestStateChange");
        var unknown = await RunAsync("cm", $"{Prefix}:CCT_Host", "NoSuchMethod");
        unknown.All.Should().Contain("(17) CIM_ERR_METHOD_NOT_FOUND");
    }

    [Fact]
    public async Task Errors_come_back_as_cim_status_codes_and_bad_credentials_as_http_401()
    {
        if (!server.Require(output))
            return;
        (await RunAsync("gi", $"{Prefix}:CCT_Host.InstanceID=\"nope\"")).All.Should().Contain("(6) CIM_ERR_NOT_FOUND");
        (await RunAsync("ei", $"{Prefix}:CCT_Nope")).All.Should().Contain("(5) CIM_ERR_INVALID_CLASS");
        var port = server.CimXmlEndpoint.Port;
        (await RunAsync("ecn", $"http://test:secret@127.0.0.1:{port}/root/nope")).All.Should().Contain("(3) CIM_ERR_INVALID_NAMESPACE");
        var denied = await RunAsync("gi", $"http://test:wrong@127.0.0.1:{port}/root/cimv2:CCT_Host.InstanceID=\"host-1\"");
        denied.ExitCode.Should().NotBe(0);
        denied.All.Should().Contain("Invalid username/password");
        // The server keeps serving after all of that.
        (await RunAsync("gp", $"{Prefix}:CCT_Host.InstanceID=\"host-1\"", "CpuCount")).Stdout.Trim().Should().Be("8");
    }

    [Fact]
    public async Task Cm_drives_the_virtualization_providers_state_machine()
    {
        if (!server.Require(output))
            return;
        var machines = await RunAsync("ei", $"{Prefix}:CIMCLOUD_ComputerSystem");
        machines.ExitCode.Should().Be(0, server.Output);
        var line = machines.Lines.Single(l => l.Contains("ElementName=\"test\"", StringComparison.Ordinal));
        var path = $"http://{CimXmlServerProcess.User}:{CimXmlServerProcess.Password}@" + line[..line.IndexOf(' ', StringComparison.Ordinal)];
        line.Should().Contain("EnabledState=2,");

        var pause = await RunAsync("cm", path, "RequestStateChange.RequestedState=9");
        pause.ExitCode.Should().Be(0);
        pause.Stdout.Should().Contain("RequestStateChange: 0");
        (await RunAsync("gi", path)).Stdout.Should().Contain(",EnabledState=9,");

        var again = await RunAsync("cm", path, "RequestStateChange.RequestedState=9");
        again.Stdout.Should().Contain("RequestStateChange: 4097", "pausing a paused machine is an invalid transition (DSP1057)");

        var resume = await RunAsync("cm", path, "RequestStateChange.RequestedState=2");
        resume.Stdout.Should().Contain("RequestStateChange: 0");
        (await RunAsync("gi", path)).Stdout.Should().Contain(",EnabledState=2,");
    }
}
