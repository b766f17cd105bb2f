using System.Reflection;
using CimCloud.ConformanceTests.Serving;
using FluentAssertions;
using Xunit;

namespace CimCloud.ConformanceTests.ProviderAssembly;

/// <summary>
/// A third-party provider assembly (the SampleProvider project, built separately) loaded with
/// <c>cimcloud serve --provider-assembly</c>, used through WS-Man; its faulty and hanging providers prove the isolation.
/// </summary>
public sealed class ProviderAssemblyTests
{
    private static string SampleProviderPath =>
        typeof(ProviderAssemblyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleProviderPath").Value!;

    private static string SampleMof => Path.Combine(Path.GetDirectoryName(SampleProviderPath)!, "sample.mof");

    [Fact]
    public async Task A_provider_assembly_serves_its_classes_and_methods_without_rebuilding_the_server()
    {
        await using var server = await CimCloudServer.StartAsync("--mof", SampleMof, "--provider-assembly", SampleProviderPath);
        using var session = new WsManSession(server.Endpoint);
        var greetings = await session.EnumerateAsync("SAMPLE_Greeting", "root/cimv2");
        greetings.Select(g => g.Property("Text")).Should().BeEquivalentTo("Hello", "Bonjour", "Hallo");

        (await session.GetAsync("SAMPLE_Greeting", "root/cimv2", ("Language", "fr"))).Property("Text").Should().Be("Bonjour");
        var output = await session.InvokeAsync("SAMPLE_Greeting", "root/cimv2", [("Language", "de")], "Greet",
            $"<p:Name xmlns:p=\"{WsManSession.ClassUriPrefix}SAMPLE_Greeting\">Ada</p:Name>");
        output.Property("Greeting").Should().Be("Hallo, Ada!");
        output.Property("ReturnValue").Should().Be("0");
    }

    [Fact]
    public async Task A_throwing_provider_gives_a_fault_with_its_message_and_a_hanging_one_times_out_while_the_server_keeps_serving()
    {
        await using var server = await CimCloudServer.StartAsync("--mof", SampleMof, "--provider-assembly", SampleProviderPath, "--provider-timeout", "1");
        using var session = new WsManSession(server.Endpoint);

        var faulty = async () => await session.EnumerateAsync("SAMPLE_Faulty", "root/cimv2");
        var fault = (await faulty.Should().ThrowAsync<WsManFaultException>()).Which;
        fault.Subcode.Should().Be("InternalError");
        fault.Reason.Should().Contain("the device table is corrupt");

        var slow = async () => await session.GetAsync("SAMPLE_Slow", "root/cimv2", ("Id", "x"));
        (await slow.Should().ThrowAsync<WsManFaultException>()).Which.Subcode.Should().Be("TimedOut");
        var slowEnumeration = async () => await session.EnumerateAsync("SAMPLE_Slow", "root/cimv2");
        (await slowEnumeration.Should().ThrowAsync<WsManFaultException>()).Which.Subcode.Should().Be("TimedOut");

        (await session.EnumerateAsync("SAMPLE_Greeting", "root/cimv2")).Should().HaveCount(3, "the server still serves");
    }

    [Fact]
    public async Task A_missing_or_module_less_assembly_stops_the_server_with_a_clear_message()
    {
        var (code, output) = await CimCloudServer.FailToStartAsync("--provider-assembly", "/nonexistent/Provider.dll");
        code.Should().Be(1);
        output.Should().Contain("/nonexistent/Provider.dll does not exist");

        var cimom = Path.Combine(Path.GetDirectoryName(CimCloudCli.DllPath)!, "CimCloud.Cimom.dll");
        (code, output) = await CimCloudServer.FailToStartAsync("--provider-assembly", cimom);
        code.Should().Be(1);
        output.Should().Contain("exposes no public ICimProviderModule");
    }

    [Fact]
    public async Task A_backend_that_cannot_open_or_is_unknown_is_refused_clearly()
    {
        var (code, output) = await CimCloudServer.FailToStartAsync("--provider", "libvirt:nosuchdriver:///nowhere");
        code.Should().Be(1);
        output.Should().Contain("--provider libvirt:nosuchdriver:///nowhere: cannot open the backend");
        var (unknown, why) = await CimCloudServer.FailToStartAsync("--provider", "vmware");
        unknown.Should().Be(1);
        why.Should().Contain("unknown backend 'vmware'");
    }
}
