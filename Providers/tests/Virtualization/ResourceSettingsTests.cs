using CimCloud.Cimom.Model;
using CimCloud.Providers.Tests.Virtualization.Fakes;
using FluentAssertions;
using Xunit;
using H = CimCloud.Providers.Tests.Virtualization.VirtualizationHarness;

namespace CimCloud.Providers.Tests.Virtualization;

public sealed class ResourceSettingsTests : IDisposable
{
    private readonly H _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<CimObjectPath> VssdOfAsync(CimObjectPath vm) =>
        (await _h.AssociatorsAsync(vm, "CIM_SettingsDefineState")).Single().Path.WithNamespace(H.Ns);

    private async Task<CimObjectPath> NewVolumeAsync(string name)
    {
        var pool = H.ByInstanceId("CIMCLOUD_ResourcePool", "DiskPool/default-pool");
        var settings = H.Embedded("CIMCLOUD_StorageAllocationSettingData", ("ElementName", name), ("ResourceType", 31), ("VirtualQuantity", 64),
            ("AllocationUnits", "byte*2^20"));
        var result = await _h.InvokeAsync(await _h.ServiceAsync("CIMCLOUD_ResourcePoolConfigurationService"), "CreateResourceInPool",
            ("Settings", settings), ("Pool", pool));
        result.ReturnValue.Should().Be(0u, string.Join("\n", _h.Logs.Lines));
        return (CimObjectPath)result.OutParameters["Resource"]!;
    }

    [Fact]
    public async Task AddResourceSettings_attaches_a_second_disk_and_a_nic()
    {
        var vm = await _h.DefineAsync("grow", H.Disk("default-pool/test.img"));
        var volume = await NewVolumeAsync("data.img");
        var result = await _h.ManageAsync("AddResourceSettings", ("AffectedConfiguration", await VssdOfAsync(vm)),
            ("ResourceSettings", new[] { H.Disk(volume.ToString()), H.Nic("isolated") }));

        result.ReturnValue.Should().Be(0u);
        var resulting = (CimObjectPath?[])result.OutParameters["ResultingResourceSettings"]!;
        resulting.Should().HaveCount(2);
        var disk = await _h.GetAsync(resulting[0]!);
        disk["AddressOnParent"].Should().Be("vdb");
        disk["VirtualQuantity"].Should().Be(64UL << 20);
        (await _h.GetAsync(resulting[1]!))["Connection"].Should().BeEquivalentTo(new[] { "isolated" });
        (await _h.AssociatorsAsync(vm, "CIM_SystemDevice", "CIM_LogicalDisk")).Should().HaveCount(2);
        (await _h.AssociatorsAsync(vm, "CIM_SystemDevice", "CIM_EthernetPort")).Should().ContainSingle();
    }

    [Fact]
    public async Task Adding_a_processor_or_a_used_target_answers_4()
    {
        var vm = await _h.DefineAsync("fixed", H.Disk("default-pool/test.img", "vda"));
        var vssd = await VssdOfAsync(vm);
        (await _h.ManageAsync("AddResourceSettings", ("AffectedConfiguration", vssd), ("ResourceSettings", new[] { H.Processor(2) })))
            .ReturnValue.Should().Be(4u);
        var volume = await NewVolumeAsync("other.img");
        (await _h.ManageAsync("AddResourceSettings", ("AffectedConfiguration", vssd), ("ResourceSettings", new[] { H.Disk(volume.ToString(), "vda") })))
            .ReturnValue.Should().Be(4u);
    }

    [Fact]
    public async Task RemoveResourceSettings_detaches_and_unknown_settings_are_not_found()
    {
        var vm = await _h.DefineAsync("shrink", H.Disk("default-pool/test.img"), H.Nic("default"));
        var rasds = await _h.AssociatorsAsync(await VssdOfAsync(vm), "CIM_VirtualSystemSettingDataComponent");
        var nic = rasds.Single(r => r.ClassName == "CIMCLOUD_EthernetPortAllocationSettingData").Path.WithNamespace(H.Ns);
        (await _h.ManageAsync("RemoveResourceSettings", ("ResourceSettings", new[] { nic }))).ReturnValue.Should().Be(0u);
        (await _h.AssociatorsAsync(vm, "CIM_SystemDevice", "CIM_EthernetPort")).Should().BeEmpty();

        var act = () => _h.ManageAsync("RemoveResourceSettings", ("ResourceSettings", new[] { nic }));
        (await act.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.NotFound);
        var memory = rasds.Single(r => r.ClassName == "CIMCLOUD_MemoryAllocationSettingData").Path.WithNamespace(H.Ns);
        (await _h.ManageAsync("RemoveResourceSettings", ("ResourceSettings", new[] { memory }))).ReturnValue.Should().Be(4u);
    }

    [Fact]
    public async Task ModifyResourceSettings_changes_memory_and_processors()
    {
        var vm = await _h.DefineAsync("tune");
        var rasds = await _h.AssociatorsAsync(await VssdOfAsync(vm), "CIM_VirtualSystemSettingDataComponent");
        var memory = rasds.Single(r => r.ClassName == "CIMCLOUD_MemoryAllocationSettingData").Clone();
        memory["VirtualQuantity"] = 768UL;
        memory["Limit"] = 1024UL;
        var processor = rasds.Single(r => r.ClassName == "CIMCLOUD_ProcessorAllocationSettingData").Clone();
        processor["VirtualQuantity"] = 4UL;
        var result = await _h.ManageAsync("ModifyResourceSettings", ("ResourceSettings", new[] { memory.Freeze(), processor.Freeze() }));

        result.ReturnValue.Should().Be(0u);
        var definition = (await _h.Host.FindMachineAsync(((string)(await _h.GetAsync(vm))["Name"]!), default))!.Definition;
        definition.MemoryBytes.Should().Be(768UL << 20);
        definition.MaxMemoryBytes.Should().Be(1024UL << 20);
        definition.VirtualCpus.Should().Be(4);
        (await _h.AssociatorsAsync(vm, "CIM_SystemDevice", "CIM_Processor")).Should().HaveCount(4);
    }

    [Fact]
    public async Task ModifyResourceSettings_beyond_the_memory_pool_answers_32778()
    {
        var rasd = (await _h.GetAsync(H.ByInstanceId("CIMCLOUD_MemoryAllocationSettingData", $"CIMCLOUD:{FakeHost.TestUuid}/mem"))).Clone();
        rasd["VirtualQuantity"] = 8192UL;
        rasd["Limit"] = 8192UL;
        (await _h.ManageAsync("ModifyResourceSettings", ("ResourceSettings", new[] { rasd.Freeze() }))).ReturnValue.Should().Be(32778u);
    }
}
