using CimCloud.Cimom.Model;
using CimCloud.Providers.Tests.Virtualization.Fakes;
using FluentAssertions;
using Xunit;
using H = CimCloud.Providers.Tests.Virtualization.VirtualizationHarness;

namespace CimCloud.Providers.Tests.Virtualization;

public sealed class ModelTests : IDisposable
{
    private readonly VirtualizationHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Host_and_running_vm_are_computer_systems_with_their_states()
    {
        var host = await _h.SingleAsync("CIMCLOUD_HostSystem");
        host["Name"].Should().Be("fake-host");
        host["EnabledState"].Should().Be((ushort)2);

        var vm = await _h.GetAsync(VirtualizationHarness.TestVm);
        vm["ElementName"].Should().Be("test");
        vm["EnabledState"].Should().Be((ushort)2);
        vm["OperationalStatus"].Should().BeEquivalentTo(new ushort[] { 2 });
        vm["AvailableRequestedStates"].Should().BeEquivalentTo(new ushort[] { 3, 4, 6, 9, 10, 11 });

        var all = await _h.EnumerateAsync("CIM_ComputerSystem");
        all.Select(i => i.ClassName).Should().BeEquivalentTo(
            ["CIMCLOUD_HostSystem", "CIMCLOUD_ComputerSystem", "CIMCLOUD_VirtualEthernetSwitch", "CIMCLOUD_VirtualEthernetSwitch"]);
    }

    [Fact]
    public async Task Vm_settings_hold_processor_memory_disk_and_nic()
    {
        var vssd = await _h.GetAsync(VirtualizationHarness.ByInstanceId("CIMCLOUD_VirtualSystemSettingData", "CIMCLOUD:" + FakeHost.TestUuid));
        vssd["ElementName"].Should().Be("test");
        vssd["VirtualSystemIdentifier"].Should().Be(FakeHost.TestUuid);

        var rasds = await _h.AssociatorsAsync(vssd.Path.WithNamespace(VirtualizationHarness.Ns), "CIM_VirtualSystemSettingDataComponent");
        rasds.Select(r => (ushort)r["ResourceType"]!).Should().BeEquivalentTo(new ushort[] { 3, 4, 31, 10 });
        var memory = rasds.Single(r => (ushort)r["ResourceType"]! == 4);
        memory["VirtualQuantity"].Should().Be(1024UL);
        memory["AllocationUnits"].Should().Be("byte*2^20");
        memory["Limit"].Should().Be(2048UL);
        var disk = rasds.Single(r => (ushort)r["ResourceType"]! == 31);
        disk["AddressOnParent"].Should().Be("vda");
        disk["PoolID"].Should().Be("DiskPool/default-pool");
        ((string[])disk["HostResource"]!).Single().Should().Contain("CIMCLOUD_StorageVolume").And.Contain("default-pool/test.img");
        var nic = rasds.Single(r => (ushort)r["ResourceType"]! == 10);
        nic["Address"].Should().Be("52:54:00:00:00:01");
        nic["Connection"].Should().BeEquivalentTo(new[] { "default" });
    }

    [Fact]
    public async Task Pools_account_capacity_and_reservations()
    {
        var pools = await _h.EnumerateAsync("CIMCLOUD_ResourcePool");
        var memory = pools.Single(p => (string)p["InstanceID"]! == "MemoryPool/0");
        memory["InstanceID"].Should().Be("MemoryPool/0");
        memory["Capacity"].Should().Be(4096UL);
        memory["Reserved"].Should().Be(1024UL);
        memory["Primordial"].Should().Be(true);
        var processors = pools.Single(p => (string)p["InstanceID"]! == "ProcessorPool/0");
        processors["Capacity"].Should().Be(8UL);
        processors["Reserved"].Should().Be(2UL);
        var disk = pools.Single(p => (string)p["InstanceID"]! == "DiskPool/default-pool");
        disk["Capacity"].Should().Be(10 * FakeHost.GiB);
        disk["Reserved"].Should().Be(FakeHost.GiB);
        pools.Select(p => p["InstanceID"]).Should().Contain(["NetworkPool/default", "NetworkPool/isolated"]);
        (await _h.EnumerateAsync("CIM_ResourcePool")).Should().HaveCount(5);

        var caps = await _h.AssociatorsAsync(memory.Path.WithNamespace(VirtualizationHarness.Ns), "CIM_ElementCapabilities");
        caps.Should().ContainSingle().Which["ResourceType"].Should().Be((ushort)4);
    }

    [Fact]
    public async Task A_client_walks_host_to_vms_to_settings_to_devices_to_pools()
    {
        var host = (await _h.SingleAsync("CIMCLOUD_HostSystem")).Path.WithNamespace(VirtualizationHarness.Ns);
        var vms = await _h.AssociatorsAsync(host, "CIM_HostedDependency", "CIM_ComputerSystem");
        vms.Select(v => v.ClassName).Should().Contain("CIMCLOUD_ComputerSystem");
        var vm = vms.Single(v => v.ClassName == "CIMCLOUD_ComputerSystem").Path.WithNamespace(VirtualizationHarness.Ns);

        var settings = await _h.AssociatorsAsync(vm, "CIM_SettingsDefineState");
        settings.Should().ContainSingle().Which.ClassName.Should().Be("CIMCLOUD_VirtualSystemSettingData");

        var devices = await _h.AssociatorsAsync(vm, "CIM_SystemDevice");
        devices.Select(d => d.ClassName).Should().BeEquivalentTo(
            ["CIMCLOUD_Processor", "CIMCLOUD_Processor", "CIMCLOUD_Memory", "CIMCLOUD_LogicalDisk", "CIMCLOUD_EthernetPort"]);
        var disk = devices.Single(d => d.ClassName == "CIMCLOUD_LogicalDisk").Path.WithNamespace(VirtualizationHarness.Ns);
        (await _h.AssociatorsAsync(disk, "CIM_SettingsDefineState")).Should().ContainSingle()
            .Which.ClassName.Should().Be("CIMCLOUD_StorageAllocationSettingData");
        (await _h.AssociatorsAsync(disk, "CIM_ElementAllocatedFromPool")).Should().ContainSingle()
            .Which["InstanceID"].Should().Be("DiskPool/default-pool");

        var pools = await _h.AssociatorsAsync(host, "CIM_HostedResourcePool");
        pools.Should().HaveCount(5);
        var services = await _h.AssociatorsAsync(host, "CIM_HostedService");
        services.Select(s => s.ClassName).Should().BeEquivalentTo(
            ["CIMCLOUD_VirtualSystemManagementService", "CIMCLOUD_ResourcePoolConfigurationService", "CIMCLOUD_MetricService"]);
    }

    [Fact]
    public async Task Nic_attaches_to_a_switch_port_of_its_network()
    {
        var port = (await _h.EnumerateAsync("CIMCLOUD_EthernetPort")).Where(p => p.ClassName == "CIMCLOUD_EthernetPort").Should().ContainSingle().Subject;
        port["PermanentAddress"].Should().Be("525400000001");
        var switchPorts = await _h.AssociatorsAsync(port.Path.WithNamespace(VirtualizationHarness.Ns), "CIM_DeviceConnection");
        var switchPort = switchPorts.Should().ContainSingle().Subject;
        switchPort.ClassName.Should().Be("CIMCLOUD_SwitchPort");
        var switches = await _h.AssociatorsAsync(switchPort.Path.WithNamespace(VirtualizationHarness.Ns), "CIM_SystemDevice");
        switches.Should().ContainSingle().Which["Name"].Should().Be("default");
    }

    [Fact]
    public async Task Metrics_of_a_running_vm_come_from_the_host_statistics()
    {
        var definitions = await _h.EnumerateAsync("CIMCLOUD_BaseMetricDefinition");
        definitions.Select(d => d["Id"]).Should().BeEquivalentTo(
            ["CIMCLOUD:cpu-time", "CIMCLOUD:mem-used", "CIMCLOUD:disk-rd-bytes", "CIMCLOUD:disk-wr-bytes", "CIMCLOUD:net-rx-bytes", "CIMCLOUD:net-tx-bytes"]);
        var values = await _h.AssociatorsAsync(VirtualizationHarness.TestVm, "CIM_MetricForME");
        values.Should().HaveCount(6);
        var memory = values.Single(v => (string)v["MetricDefinitionId"]! == "CIMCLOUD:mem-used");
        memory["MetricValue"].Should().Be((FakeHost.GiB / 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        memory["MeasuredElementName"].Should().Be("test");
        var cpu = values.Single(v => (string)v["MetricDefinitionId"]! == "CIMCLOUD:cpu-time");
        ulong.Parse((string)cpu["MetricValue"]!, System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();

        var definition = definitions.Single(d => (string)d["Id"]! == "CIMCLOUD:cpu-time").Path.WithNamespace(VirtualizationHarness.Ns);
        (await _h.AssociatorsAsync(definition, "CIM_MetricInstance")).Should().ContainSingle();
        (await _h.AssociatorsAsync(definition, "CIM_MetricDefForME")).Should().ContainSingle().Which.ClassName.Should().Be("CIMCLOUD_ComputerSystem");
    }

    [Fact]
    public async Task Allocation_capabilities_define_default_minimum_maximum_and_increment()
    {
        var caps = H.ByInstanceId("CIMCLOUD_AllocationCapabilities", "CIMCLOUD:AllocationCapabilities/MemoryPool/0");
        var references = await VirtualizationHarness.ToListAsync(_h.Ops.ReferencesAsync(VirtualizationHarness.Ctx, caps,
            new Cimom.Operations.ReferencesOptions { ResultClass = "CIM_SettingsDefineCapabilities" }));
        references.Select(r => ((ushort)r["ValueRole"]!, (ushort)r["ValueRange"]!)).Should().BeEquivalentTo(
            new[] { ((ushort)0, (ushort)0), ((ushort)3, (ushort)1), ((ushort)3, (ushort)2), ((ushort)3, (ushort)3) });
        var templates = await _h.AssociatorsAsync(caps, "CIM_SettingsDefineCapabilities");
        templates.Single(t => ((string)t["InstanceID"]!).EndsWith("/Maximum", StringComparison.Ordinal))["VirtualQuantity"].Should().Be(4096UL);
    }

    [Fact]
    public async Task Instances_cannot_be_changed_directly()
    {
        var vm = await _h.GetAsync(VirtualizationHarness.TestVm);
        var act = () => _h.Ops.DeleteInstanceAsync(VirtualizationHarness.Ctx, vm.Path.WithNamespace(VirtualizationHarness.Ns)).AsTask();
        (await act.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.NotSupported);
    }

    [Fact]
    public async Task Unknown_vm_is_not_found()
    {
        var act = () => _h.GetAsync(VirtualizationHarness.Vm("00000000-0000-0000-0000-00000000dead"));
        (await act.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.NotFound);
    }
}
