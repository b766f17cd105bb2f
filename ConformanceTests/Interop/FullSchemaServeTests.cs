using CimCloud.Cimom.Tests.TestSupport;
using CimCloud.ConformanceTests.Serving;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.Interop;

/// <summary><c>cimcloud serve --schema-dir</c>: the full DMTF schema replaces the embedded subset; the CIMCLOUD_ classes and the providers stay.</summary>
public sealed class FullSchemaServeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_full_DMTF_schema_serves_the_same_profiles_and_classes_outside_the_subset()
    {
        if (SharedData.RequireOrExplain(SharedData.CimSchemaDir, "CIM Schema 2.49.0", output) is not { } schemaDir)
            return;
        await using var server = await CimCloudServer.StartAsync("--schema-dir", schemaDir);
        using var session = new WsManSession(server.Endpoint);
        var profiles = await session.EnumerateAsync("CIM_RegisteredProfile", "interop");
        profiles.Should().Contain(p => p.Property("RegisteredName") == "System Virtualization");

        // CIM_Battery is not in the subset: with the full schema it is a known (empty) class, not an unknown resource.
        (await session.EnumerateAsync("CIM_Battery", "root/cimv2")).Should().BeEmpty();
        await using var subsetServer = await CimCloudServer.StartAsync();
        using var subsetSession = new WsManSession(subsetServer.Endpoint);
        var unknown = async () => await subsetSession.EnumerateAsync("CIM_Battery", "root/cimv2");
        await unknown.Should().ThrowAsync<WsManFaultException>();
    }
}
