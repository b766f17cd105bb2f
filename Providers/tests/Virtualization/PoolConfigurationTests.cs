using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;
using H = CimCloud.Providers.Tests.Virtualization.VirtualizationHarness;

namespace CimCloud.Providers.Tests.Virtualization;

public sealed class PoolConfigurationTests : IDisposable
{
    private static readonly CimObjectPath DiskPool = H.ByInstanceId("CIMCLOUD_ResourcePool", "DiskPool/default-pool");
    private readonly H _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<Cimom.Operations.CimMethodResult> CreateAsync(string name, ulong mib, CimObjectPath? pool = null) =>
        await _h.InvokeAsync(await _h.ServiceAsync("CIMCLOUD_ResourcePoolConfigurationService"), "CreateResourceInPool",
            ("Settings", H.Embedded("CIMCLOUD_StorageAllocationSettingData", ("ElementName", name), ("ResourceType", 31), ("VirtualQuantity", mib),
                ("AllocationUnits", "byte*2^20"))), ("Pool", pool ?? DiskPool));

    private async Task<Cimom.Operations.CimMethodResult> DeleteAsync(CimObjectPath volume) =>
        await _h.InvokeAsync(await _h.ServiceAsync("CIMCLOUD_ResourcePoolConfigurationService"), "DeleteResourceInPool",
            ("Resource", volume), ("Pool", DiskPool));

    [Fact]
    public async Task A_volume_is_created_in_a_pool_and_deleted()
    {
        var created = await CreateAsync("scratch.img", 512);
        created.ReturnValue.Should().Be(0u);
        var volume = (CimObjectPath)created.OutParameters["Resource"]!;
        var instance = await _h.GetAsync(volume);
        instance["ElementName"].Should().Be("scratch.img");
        instance["NumberOfBlocks"].Should().Be(512UL << 20);
        (await _h.AssociatorsAsync(DiskPool, "CIM_ConcreteComponent")).Should().HaveCount(2);
        (await _h.GetAsync(DiskPool))["Reserved"].Should().Be((1UL << 30) + (512UL << 20));

        (await DeleteAsync(volume)).ReturnValue.Should().Be(0u);
        var act = () => _h.GetAsync(volume);
        (await act.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.NotFound);
        var again = () => DeleteAsync(volume);
        (await again.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.NotFound);
    }

    [Fact]
    public async Task A_volume_larger_than_the_free_space_answers_5()
    {
        (await CreateAsync("huge.img", 20 * 1024)).ReturnValue.Should().Be(5u);
    }

    [Fact]
    public async Task Bad_names_and_pools_answer_4_or_not_found()
    {
        (await CreateAsync("a/b", 1)).ReturnValue.Should().Be(4u);
        (await CreateAsync("test.img", 1)).ReturnValue.Should().Be(4u, "the name is taken");
        (await CreateAsync("x.img", 1, H.ByInstanceId("CIMCLOUD_ResourcePool", "MemoryPool/0"))).ReturnValue.Should().Be(4u);
        var act = () => CreateAsync("x.img", 1, H.ByInstanceId("CIMCLOUD_ResourcePool", "DiskPool/nowhere"));
        (await act.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.NotFound);
    }

    [Fact]
    public async Task A_volume_a_vm_uses_answers_6_in_use()
    {
        var volume = (await _h.EnumerateAsync("CIMCLOUD_StorageVolume")).Single().Path.WithNamespace(H.Ns);
        (await DeleteAsync(volume)).ReturnValue.Should().Be(6u);
    }
}
