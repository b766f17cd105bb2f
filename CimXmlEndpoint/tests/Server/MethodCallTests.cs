using System.Diagnostics;
using System.Net;
using System.Security;
using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;
using static CimCloud.CimXmlEndpoint.Tests.Server.Raw;

namespace CimCloud.CimXmlEndpoint.Tests.Server;

/// <summary>Extrinsic METHODCALLs reach the IMethodProvider registered for the class, with typed arguments and the caller's identity.</summary>
public sealed class MethodCallTests(TestCimXmlServer server) : IClassFixture<TestCimXmlServer>
{
    [Fact]
    public async Task Static_method_on_a_class_path_returns_value_and_out_parameters()
    {
        var reply = await MethodAsync(server.Endpoint, "Ping", ClassPath("Test_Vm"), "root/cimv2:Test_Vm", ParamValue("Text", "<VALUE>hi</VALUE>"));
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Body);
        reply.ErrorCode.Should().BeNull(reply.Body);
        var returnValue = reply.Response.Element("RETURNVALUE")!;
        returnValue.Attribute("PARAMTYPE")!.Value.Should().Be("uint32");
        returnValue.Element("VALUE")!.Value.Should().Be("7");
        reply.Response.Elements("PARAMVALUE").Single().Attribute("NAME")!.Value.Should().Be("Echo");
        reply.OutParameter("Echo").Should().Be("echo:hi");
        var call = server.Methods.Calls.Last(c => c.Method == "Ping");
        call.Target.IsClassPath.Should().BeTrue();
        call.Context.Operation.Principal!.Name.Should().Be(TestCimXmlServer.User);
        call.Context.Operation.RemoteAddress.Should().Be("127.0.0.1");
    }

    [Fact]
    public async Task Instance_method_gets_typed_scalars_arrays_embedded_instances_and_references()
    {
        var setting = SecurityElement.Escape("""<INSTANCE CLASSNAME="Test_Setting"><PROPERTY NAME="Id" TYPE="string"><VALUE>s1</VALUE></PROPERTY><PROPERTY NAME="Cpus" TYPE="uint32"><VALUE>4</VALUE></PROPERTY></INSTANCE>""");
        var parameters = ParamValue("Memory", "<VALUE>2048</VALUE>")
            + ParamValue("Labels", "<VALUE.ARRAY><VALUE>a</VALUE><VALUE>b</VALUE></VALUE.ARRAY>")
            + ParamValue("Setting", $"<VALUE>{setting}</VALUE>")
            + ParamValue("Peer", """<VALUE.REFERENCE><INSTANCENAME CLASSNAME="Test_Vm"><KEYBINDING NAME="Name"><KEYVALUE>vm2</KEYVALUE></KEYBINDING></INSTANCENAME></VALUE.REFERENCE>""");
        var reply = await MethodAsync(server.Endpoint, "Resize", InstancePath("Test_Vm", "Name", "vm1"), "root/cimv2:Test_Vm.Name=\"vm1\"", parameters);
        reply.ErrorCode.Should().BeNull(reply.Body);
        reply.OutParameter("Previous").Should().Be("1024");
        var call = server.Methods.Calls.Last(c => c.Method == "Resize");
        call.Target.FindKey("Name")!.Value.Should().Be("vm1");
        call.In["Memory"].Should().Be(2048u);
        call.In["Labels"].Should().BeEquivalentTo(new[] { "a", "b" });
        var embedded = call.In["Setting"].Should().BeOfType<CimInstance>().Subject;
        embedded.ClassName.Should().Be("Test_Setting");
        embedded["Cpus"].Should().Be(4u);
        call.In["Peer"].Should().BeOfType<CimObjectPath>().Which.FindKey("Name")!.Value.Should().Be("vm2");
    }

    [Fact]
    public async Task Method_errors_are_cim_status_codes()
    {
        (await MethodAsync(server.Endpoint, "Fail", InstancePath("Test_Vm", "Name", "vm1"), "root/cimv2:Test_Vm")).ErrorCode.Should().Be(16);
        (await MethodAsync(server.Endpoint, "Nope", ClassPath("Test_Vm"), "root/cimv2:Test_Vm")).ErrorCode.Should().Be(17);
        (await MethodAsync(server.Endpoint, "Resize", InstancePath("Test_Vm", "Name", "missing"), "root/cimv2:Test_Vm")).ErrorCode.Should().Be(6);
        (await MethodAsync(server.Endpoint, "Resize", ClassPath("Test_Vm"), "root/cimv2:Test_Vm")).ErrorCode.Should().Be(4, "Resize is not static");
        (await MethodAsync(server.Endpoint, "Ping", ClassPath("Test_Vm"), "root/cimv2:Test_Vm", ParamValue("Bogus", "<VALUE>1</VALUE>"))).ErrorCode.Should().Be(4);
        (await MethodAsync(server.Endpoint, "Resize", InstancePath("Test_Vm", "Name", "vm1"), "root/cimv2:Test_Vm", ParamValue("Memory", "<VALUE>lots</VALUE>")))
            .ErrorCode.Should().Be(4);
        (await MethodAsync(server.Endpoint, "Ping", ClassPath("Test_Stream"), "root/cimv2:Test_Stream")).ErrorCode.Should().Be(17);
        var mismatch = await MethodAsync(server.Endpoint, "Ping", ClassPath("Test_Vm"), "root/cimv2:Test_Setting");
        mismatch.Status.Should().Be(HttpStatusCode.BadRequest);
        mismatch.Message.Headers.GetValues("CIMError").Should().Equal("header-mismatch");
    }

    [Fact]
    public async Task Wbemcli_cm_invokes_the_registered_method_provider()
    {
        var wbemcli = new[] { "/usr/bin/wbemcli", "/usr/local/bin/wbemcli" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("sblim wbemcli is not installed: run 'sudo apt-get install sblim-wbemcli' (or 'sudo bash .ci/install-clients.sh')");
        var start = new ProcessStartInfo(wbemcli) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "cm", $"http://{TestCimXmlServer.User}:{TestCimXmlServer.Password}@127.0.0.1:{server.Port}/root/cimv2:Test_Vm", "Ping.Text=wbem" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, stdout + stderr);
        stdout.Should().Contain("Ping: 7").And.Contain("Echo (string): echo:wbem");
        server.Methods.Calls.Should().Contain(c => c.Method == "Ping" && Equals(c.In["Text"], "wbem"));
    }
}
