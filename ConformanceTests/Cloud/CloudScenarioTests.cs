using System.Globalization;
using CimCloud.ConformanceTests.Serving;
using FluentAssertions;
using Xunit;
using C = CimCloud.ConformanceTests.Cloud.CloudClient;

namespace CimCloud.ConformanceTests.Cloud;

/// <summary>
/// The cloud through the WS-Man endpoint of a real <c>cimcloud serve</c>, per backend: profile discovery, a VM's
/// life from DefineSystem to DestroySystem, devices added later, the association walk, metrics and the failure
/// codes. Each test makes its own VMs and volumes (unique names) and removes them.
/// </summary>
public sealed class CloudScenarioTests(CloudServers servers) : IClassFixture<CloudServers>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    [Theory]
    [MemberData(nameof(CloudBackends.All), MemberType = typeof(CloudBackends))]
    public async Task Profiles_are_discovered_from_interop_and_lead_to_the_host(string backend)
    {
        var c = await servers.ClientAsync(backend);
        var profiles = await c.Session.EnumerateAsync("CIM_RegisteredProfile", C.Interop);
        var names = profiles.Select(p => p.Property("RegisteredName")).ToList();
        names.Should().Contain(["System Virtualization", "Virtual System", "Resource Allocation", "Allocation Capabilities"]);
        var sv = profiles.Single(p => p.Property("RegisteredName") == "System Virtualization");
        sv.Property("RegisteredOrganization").Should().Be("2");

        var central = await c.Session.AssociatorsAsync(sv.ClassName(), C.Interop, [("InstanceID", sv.Property("InstanceID")!)],
            "CIM_ElementConformsToProfile");
        central.Should().ContainSingle().Which.ClassName().Should().Be("CIMCLOUD_HostSystem");
        var components = await c.Session.AssociatorsAsync(sv.ClassName(), C.Interop, [("InstanceID", sv.Property("InstanceID")!)],
            "CIM_ReferencedProfile");
        components.Select(p => p.Property("RegisteredName")).Should().Contain("Virtual System");
    }

    [Theory]
    [MemberData(nameof(CloudBackends.All), MemberType = typeof(CloudBackends))]
    public async Task A_vm_is_defined_from_embedded_settings_run_through_its_states_and_destroyed(string backend)
    {
        var c = await servers.ClientAsync(backend);
        var name = Unique("web");
        var (volumeCode, volume) = await c.CreateVolumeAsync("default-pool", name + ".img", 64);
        volumeCode.Should().Be(0u, c.ServerOutput);
        var vsms = await c.SingleAsync("CIMCLOUD_VirtualSystemManagementService");
        var (code, output) = await c.ManageAsync("DefineSystem",
            C.Parameter(vsms.ClassName, "SystemSettings", C.Vssd(name))
            + string.Concat(new[] { C.Processor(1), C.Memory(128), C.Disk(volume), C.Nic("default") }
                .Select(r => C.Parameter(vsms.ClassName, "ResourceSettings", r))));
        code.Should().Be(0u, c.ServerOutput);
        var vm = CloudReference.FromEpr(output.Elements().Single(e => e.Name.LocalName == "ResultingSystem"));
        vm.ClassName.Should().Be("CIMCLOUD_ComputerSystem");
        (await c.GetAsync(vm)).Property("ElementName").Should().Be(name);
        (await c.EnabledStateAsync(vm)).Should().Be("3");

        foreach (var (requested, expected) in new[] { (2, "2"), (9, "9"), (2, "2"), (10, "2") })
        {
            (await c.RequestStateAsync(vm, requested)).Should().Be(0u, $"RequestStateChange({requested})");
            (await c.EnabledStateAsync(vm)).Should().Be(expected, $"after RequestStateChange({requested})");
        }

        (await c.RequestStateAsync(vm, 4)).Should().Be(0u, "RequestStateChange(4)");
        (await c.EnabledStateAsync(vm)).Should().BeOneOf("4", "3");
        (await c.RequestStateAsync(vm, 9)).Should().Be(4097u, "a stopped (or stopping) VM cannot be paused");

        (await c.ManageAsync("DestroySystem", vm.Epr($"p:AffectedSystem"))).Code.Should().Be(0u);
        var get = () => c.GetAsync(vm);
        (await get.Should().ThrowAsync<WsManFaultException>()).Which.Subcode.Should().Be("DestinationUnreachable");
    }

    [Theory]
    [MemberData(nameof(CloudBackends.All), MemberType = typeof(CloudBackends))]
    public async Task A_second_disk_and_a_nic_are_added_and_the_walk_reaches_them(string backend)
    {
        var c = await servers.ClientAsync(backend);
        var name = Unique("grow");
        var (_, first) = await c.CreateVolumeAsync("default-pool", name + "-a.img", 32);
        var (_, second) = await c.CreateVolumeAsync("default-pool", name + "-b.img", 32);
        var vsms = await c.SingleAsync("CIMCLOUD_VirtualSystemManagementService");
        var (code, output) = await c.ManageAsync("DefineSystem",
            C.Parameter(vsms.ClassName, "SystemSettings", C.Vssd(name)) + C.Parameter(vsms.ClassName, "ResourceSettings", C.Disk(first)));
        code.Should().Be(0u, c.ServerOutput);
        var vm = CloudReference.FromEpr(output.Elements().Single(e => e.Name.LocalName == "ResultingSystem"));
        try
        {
            var vssd = CloudReference.Of((await c.AssociatorsAsync(vm, "CIM_SettingsDefineState", "CIM_VirtualSystemSettingData")).Single(), "InstanceID");
            var (added, addOutput) = await c.ManageAsync("AddResourceSettings",
                vssd.Epr("p:AffectedConfiguration") + C.Parameter(vsms.ClassName, "ResourceSettings", C.Disk(second))
                + C.Parameter(vsms.ClassName, "ResourceSettings", C.Nic("default")));
            added.Should().Be(0u, c.ServerOutput);
            addOutput.Elements().Count(e => e.Name.LocalName == "ResultingResourceSettings").Should().Be(2);

            // host -> VMs -> settings -> RASDs -> pools, and VM -> devices -> pools, each with the association filter.
            var host = await c.SingleAsync("CIMCLOUD_HostSystem");
            var hosted = await c.AssociatorsAsync(host, "CIM_HostedDependency", "CIMCLOUD_ComputerSystem");
            hosted.Select(v => v.Property("Name")).Should().Contain(vm.Key("Name"));
            var rasds = await c.AssociatorsAsync(vssd, "CIM_VirtualSystemSettingDataComponent");
            rasds.Select(r => r.Property("ResourceType")).Should().BeEquivalentTo(["3", "4", "31", "31", "10"]);
            var disk = CloudReference.Of(rasds.First(r => r.Property("AddressOnParent") == "vdb"), "InstanceID");
            (await c.AssociatorsAsync(disk, "CIM_ResourceAllocationFromPool")).Should().ContainSingle()
                .Which.Property("InstanceID").Should().Be("DiskPool/default-pool");
            var devices = await c.AssociatorsAsync(vm, "CIM_SystemDevice");
            devices.Select(d => d.ClassName()).Should().Contain(["CIMCLOUD_Processor", "CIMCLOUD_Memory", "CIMCLOUD_LogicalDisk", "CIMCLOUD_EthernetPort"]);
            devices.Count(d => d.ClassName() == "CIMCLOUD_LogicalDisk").Should().Be(2);
            var port = devices.Single(d => d.ClassName() == "CIMCLOUD_EthernetPort");
            var portRef = CloudReference.Of(port, "SystemCreationClassName", "SystemName", "CreationClassName", "DeviceID");
            (await c.AssociatorsAsync(portRef, "CIM_ElementAllocatedFromPool")).Should().ContainSingle()
                .Which.Property("InstanceID").Should().Be("NetworkPool/default");
        }
        finally
        {
            await c.ManageAsync("DestroySystem", vm.Epr("p:AffectedSystem"));
        }
    }

    [Theory]
    [MemberData(nameof(CloudBackends.All), MemberType = typeof(CloudBackends))]
    public async Task Metrics_of_the_running_seed_vm_are_read(string backend)
    {
        var c = await servers.ClientAsync(backend);
        var vm = await c.VmAsync("test");
        var values = await c.AssociatorsAsync(vm, "CIM_MetricForME");
        values.Select(v => v.Property("MetricDefinitionId")).Should().Contain(["CIMCLOUD:cpu-time", "CIMCLOUD:mem-used", "CIMCLOUD:disk-rd-bytes",
            "CIMCLOUD:net-rx-bytes"]);
        ulong.Parse(values.Single(v => v.Property("MetricDefinitionId") == "CIMCLOUD:cpu-time").Property("MetricValue")!, CultureInfo.InvariantCulture)
            .Should().BePositive();
        var definitions = await c.Session.EnumerateAsync("CIM_BaseMetricDefinition", C.Ns);
        definitions.Should().HaveCount(6);
    }

    [Theory]
    [MemberData(nameof(CloudBackends.All), MemberType = typeof(CloudBackends))]
    public async Task Failures_answer_their_documented_codes(string backend)
    {
        var c = await servers.ClientAsync(backend);
        var vsms = await c.SingleAsync("CIMCLOUD_VirtualSystemManagementService");
        string Define(string name, string rasd) =>
            C.Parameter(vsms.ClassName, "SystemSettings", C.Vssd(name)) + C.Parameter(vsms.ClassName, "ResourceSettings", rasd);

        // bad RASD (a resource type we do not allocate) -> 4 Invalid Parameter
        (await c.ManageAsync("DefineSystem", Define(Unique("bad"), C.Embedded("CIMCLOUD_ResourceAllocationSettingData", ("ResourceType", 24)))))
            .Code.Should().Be(4u);
        // memory pool exhausted -> 32778
        (await c.ManageAsync("DefineSystem", Define(Unique("huge"), C.Memory(1UL << 30)))).Code.Should().Be(32778u);
        // storage pool exhausted -> 5 Insufficient Resources
        (await c.CreateVolumeAsync("default-pool", Unique("huge") + ".img", 1UL << 40)).Code.Should().Be(5u);
        // invalid transition: the running seed VM cannot be enabled again -> 4097
        (await c.RequestStateAsync(await c.VmAsync("test"), 2)).Should().Be(4097u);
        // unknown VM -> CIM_ERR_NOT_FOUND, i.e. wsa:DestinationUnreachable
        var ghost = new CloudReference("CIMCLOUD_ComputerSystem", [("CreationClassName", "CIMCLOUD_ComputerSystem"), ("Name", Guid.NewGuid().ToString())]);
        var start = () => c.RequestStateAsync(ghost, 2);
        (await start.Should().ThrowAsync<WsManFaultException>()).Which.Subcode.Should().Be("DestinationUnreachable");
        var destroy = () => c.ManageAsync("DestroySystem", ghost.Epr("p:AffectedSystem"));
        (await destroy.Should().ThrowAsync<WsManFaultException>()).Which.Subcode.Should().Be("DestinationUnreachable");
    }
}
