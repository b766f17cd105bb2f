using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;
using H = CimCloud.Providers.Tests.Virtualization.VirtualizationHarness;

namespace CimCloud.Providers.Tests.Virtualization;

public sealed class DefineSystemTests : IDisposable
{
    private readonly H _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task DefineSystem_creates_a_stopped_vm_from_embedded_settings()
    {
        var vm = await _h.DefineAsync("web01", H.Disk("default-pool/test.img"), H.Nic("default", "52:54:00:aa:bb:cc"));

        var instance = await _h.GetAsync(vm);
        instance["ElementName"].Should().Be("web01");
        instance["EnabledState"].Should().Be((ushort)3);
        var vssd = (await _h.AssociatorsAsync(vm, "CIM_SettingsDefineState")).Should().ContainSingle().Subject;
        var rasds = await _h.AssociatorsAsync(vssd.Path.WithNamespace(H.Ns), "CIM_VirtualSystemSettingDataComponent");
        rasds.Select(r => r.ClassName).Should().BeEquivalentTo(
            ["CIMCLOUD_ProcessorAllocationSettingData", "CIMCLOUD_MemoryAllocationSettingData", "CIMCLOUD_StorageAllocationSettingData",
             "CIMCLOUD_EthernetPortAllocationSettingData"]);
        rasds.Single(r => r.ClassName == "CIMCLOUD_StorageAllocationSettingData")["AddressOnParent"].Should().Be("vda");
        (await _h.GetAsync(H.ByInstanceId("CIMCLOUD_ResourcePool", "MemoryPool/0")))["Reserved"].Should().Be(1024UL + 256UL);
        (await _h.AssociatorsAsync(vm, "CIM_ServiceAffectsElement")).Should().ContainSingle()
            .Which.ClassName.Should().Be("CIMCLOUD_VirtualSystemManagementService");
    }

    [Fact]
    public async Task Without_resource_settings_the_vm_gets_one_cpu_and_512_MiB()
    {
        var result = await _h.ManageAsync("DefineSystem", ("SystemSettings", H.Vssd("bare")));
        result.ReturnValue.Should().Be(0u);
        var machine = (await _h.Host.ListMachinesAsync(default)).Single(m => m.Name == "bare");
        machine.Definition.VirtualCpus.Should().Be(1);
        machine.Definition.MemoryBytes.Should().Be(512UL << 20);
    }

    [Fact]
    public async Task Memory_units_are_converted()
    {
        var memory = H.Embedded("CIM_ResourceAllocationSettingData", ("ResourceType", 4), ("VirtualQuantity", 262144), ("AllocationUnits", "KiloBytes"));
        var result = await _h.ManageAsync("DefineSystem", ("SystemSettings", H.Vssd("kib")), ("ResourceSettings", new[] { memory }));
        result.ReturnValue.Should().Be(0u);
        (await _h.Host.ListMachinesAsync(default)).Single(m => m.Name == "kib").Definition.MemoryBytes.Should().Be(256UL << 20);
    }

    [Theory]
    [InlineData("unsupported resource type")]
    [InlineData("unknown network")]
    [InlineData("bad MAC")]
    [InlineData("unknown volume")]
    [InlineData("zero CPUs")]
    [InlineData("bad units")]
    public async Task A_bad_rasd_answers_4_invalid_parameter(string what)
    {
        var rasd = what switch
        {
            "unsupported resource type" => H.Embedded("CIM_ResourceAllocationSettingData", ("ResourceType", 24)),
            "unknown network" => H.Nic("no-such-net"),
            "bad MAC" => H.Nic("default", "52:54:00:zz:00:01"),
            "unknown volume" => H.Disk("default-pool/nothing.img"),
            "zero CPUs" => H.Processor(0),
            _ => H.Embedded("CIM_ResourceAllocationSettingData", ("ResourceType", 4), ("VirtualQuantity", 1), ("AllocationUnits", "furlongs")),
        };
        var result = await _h.ManageAsync("DefineSystem", ("SystemSettings", H.Vssd("bad")), ("ResourceSettings", new[] { rasd }));
        result.ReturnValue.Should().Be(4u);
        (await _h.EnumerateAsync("CIMCLOUD_ComputerSystem")).Should().ContainSingle("nothing was defined");
    }

    [Fact]
    public async Task Missing_or_duplicate_names_answer_4()
    {
        (await _h.ManageAsync("DefineSystem", ("ResourceSettings", new[] { H.Processor(1) }))).ReturnValue.Should().Be(4u);
        (await _h.ManageAsync("DefineSystem", ("SystemSettings", H.Embedded("CIMCLOUD_VirtualSystemSettingData")))).ReturnValue.Should().Be(4u);
        (await _h.ManageAsync("DefineSystem", ("SystemSettings", H.Vssd("test")))).ReturnValue.Should().Be(4u);
    }

    [Fact]
    public async Task An_exhausted_memory_pool_answers_32778()
    {
        var result = await _h.ManageAsync("DefineSystem", ("SystemSettings", H.Vssd("huge")), ("ResourceSettings", new[] { H.Memory(3584) }));
        result.ReturnValue.Should().Be(32778u);
        (await _h.ManageAsync("DefineSystem", ("SystemSettings", H.Vssd("fits")), ("ResourceSettings", new[] { H.Memory(3072) })))
            .ReturnValue.Should().Be(0u);
    }

    [Fact]
    public async Task More_cpus_than_the_host_has_answers_32778()
    {
        var result = await _h.ManageAsync("DefineSystem", ("SystemSettings", H.Vssd("wide")), ("ResourceSettings", new[] { H.Processor(9) }));
        result.ReturnValue.Should().Be(32778u);
    }

    [Fact]
    public async Task DestroySystem_removes_the_vm_and_an_unknown_vm_is_not_found()
    {
        var vm = await _h.DefineAsync("doomed");
        (await _h.ManageAsync("DestroySystem", ("AffectedSystem", vm))).ReturnValue.Should().Be(0u);
        var get = () => _h.GetAsync(vm);
        (await get.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.NotFound);

        var again = () => _h.ManageAsync("DestroySystem", ("AffectedSystem", vm));
        (await again.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.NotFound);
    }

    [Fact]
    public async Task ModifySystemSettings_renames_and_describes()
    {
        var vm = await _h.DefineAsync("old-name");
        var vssd = (await _h.AssociatorsAsync(vm, "CIM_SettingsDefineState")).Single();
        var changed = H.Embedded("CIMCLOUD_VirtualSystemSettingData", ("InstanceID", vssd["InstanceID"]), ("ElementName", "new-name"),
            ("Notes", new[] { "a note" }));
        (await _h.ManageAsync("ModifySystemSettings", ("SystemSettings", changed))).ReturnValue.Should().Be(0u);
        var instance = await _h.GetAsync(vm);
        instance["ElementName"].Should().Be("new-name");
        instance["Description"].Should().Be("a note");

        var unknown = H.Embedded("CIMCLOUD_VirtualSystemSettingData", ("InstanceID", "CIMCLOUD:00000000-0000-0000-0000-000000000bad"), ("ElementName", "x"));
        var act = () => _h.ManageAsync("ModifySystemSettings", ("SystemSettings", unknown));
        (await act.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.NotFound);
    }
}
