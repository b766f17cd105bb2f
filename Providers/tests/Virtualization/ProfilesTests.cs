using CimCloud.Providers.Tests.Virtualization.Fakes;
using FluentAssertions;
using Xunit;
using H = CimCloud.Providers.Tests.Virtualization.VirtualizationHarness;

namespace CimCloud.Providers.Tests.Virtualization;

public sealed class ProfilesTests : IDisposable
{
    private readonly H _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void System_virtualization_references_the_component_profiles()
    {
        var sv = _h.Profiles.Profiles.Single(p => p.RegisteredName == "System Virtualization");
        sv.InstanceId.Should().Be("CIM:DSP1042-SystemVirtualization-1.0.0");
        sv.RegisteredOrganization.Should().Be(2);
        var names = sv.ReferencedProfileIds.Select(id => _h.Profiles.Profiles.Single(p => p.InstanceId == id).RegisteredName).ToList();
        names.Should().Contain(["Virtual System", "Resource Allocation", "Allocation Capabilities", "Memory Resource Virtualization"]);
        names.Count(n => n == "Resource Allocation").Should().Be(4);
    }

    [Fact]
    public async Task Central_instances_are_namespaced_paths_that_resolve()
    {
        var hosts = await H.ToListAsync(_h.Profiles.GetConformingElementsAsync("CIM:DSP1042-SystemVirtualization-1.0.0", default));
        var host = hosts.Should().ContainSingle().Subject;
        host.Namespace.Should().Be("root/cimv2");
        (await _h.GetAsync(host))["Name"].Should().Be("fake-host");

        var vms = await H.ToListAsync(_h.Profiles.GetConformingElementsAsync("CIM:DSP1057-VirtualSystem-1.0.0", default));
        vms.Should().ContainSingle().Which.Should().Be(H.TestVm);

        var pools = await H.ToListAsync(_h.Profiles.GetConformingElementsAsync("CIM:DSP1041-ResourceAllocation-1.1.0_mem", default));
        (await _h.GetAsync(pools.Single()))["InstanceID"].Should().Be("MemoryPool/0");
        foreach (var caps in await H.ToListAsync(_h.Profiles.GetConformingElementsAsync("CIM:DSP1043-AllocationCapabilities-1.0.0", default)))
            (await _h.GetAsync(caps)).ClassName.Should().Be("CIMCLOUD_AllocationCapabilities");
        (await H.ToListAsync(_h.Profiles.GetConformingElementsAsync("CIM:unknown", default))).Should().BeEmpty();
        FakeHost.TestUuid.Should().NotBeEmpty();
    }
}
