using CimCloud.Providers.Hosts;
using CimCloud.Providers.Hosts.Libvirt;
using CimCloud.Providers.Hosts.Libvirt.Native;
using FluentAssertions;
using Xunit;
using static CimCloud.Providers.Tests.Libvirt.TestDriver;

namespace CimCloud.Providers.Tests.Libvirt;

[Collection(LibvirtCollection.Name)]
public sealed class HostInventoryTests
{
    [Fact]
    public async Task Host_info_reports_the_test_driver_node()
    {
        await using var host = Open();

        var info = await host.GetHostInfoAsync(Token);

        host.BackendName.Should().Be("libvirt");
        info.LogicalProcessors.Should().Be(16);
        info.MemoryBytes.Should().Be(3 * GiB);
        info.Hypervisor.Should().Be("TEST");
        info.HypervisorVersion.Should().MatchRegex(@"^\d+\.\d+\.\d+$");
        Guid.TryParse(info.Uuid, out _).Should().BeTrue();
        info.Name.Should().NotBeNullOrEmpty();
        (await host.GetHostInfoAsync(Token)).Uuid.Should().Be(info.Uuid, "the host UUID is stable");
    }

    [Fact]
    public async Task Seeded_machine_is_listed_with_its_definition_and_state()
    {
        await using var host = Open();

        var machine = await Seeded(host);

        machine.State.Should().Be(MachineRunState.Running);
        machine.Persistent.Should().BeTrue();
        machine.Uuid.Should().Be("6695eb01-f6a4-8304-79aa-97f2502e193f");
        machine.Definition.VirtualCpus.Should().Be(2);
        machine.Definition.MemoryBytes.Should().Be(2 * GiB);
        machine.Definition.MaxMemoryBytes.Should().Be(8 * GiB);
        machine.Definition.Disks.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new DiskDefinition("vda", null, null, "/guest/diskimage1", 0));
        machine.Definition.Nics.Should().ContainSingle().Which.Should().Be(
            new NicDefinition("aa:bb:cc:dd:ee:ff", DefaultNetwork, string.Empty));
    }

    [Fact]
    public async Task Find_returns_the_machine_by_uuid_in_any_case_and_null_for_unknown_or_malformed()
    {
        await using var host = Open();
        var seeded = await Seeded(host);

        (await host.FindMachineAsync(seeded.Uuid.ToUpperInvariant(), Token))!.Name.Should().Be(SeededMachine);
        (await host.FindMachineAsync(Guid.NewGuid().ToString(), Token)).Should().BeNull();
        (await host.FindMachineAsync("not-a-uuid", Token)).Should().BeNull();
    }

    [Fact]
    public async Task Pools_and_networks_of_the_test_driver_are_listed()
    {
        await using var host = Open();

        var pools = await host.ListStoragePoolsAsync(Token);
        var networks = await host.ListNetworksAsync(Token);

        pools.Should().ContainSingle().Which.Should().Be(new StoragePoolInfo(DefaultPool, 100 * GiB, 0, 100 * GiB, true));
        networks.Should().ContainSingle().Which.Should().Be(new NetworkInfo(DefaultNetwork, "virbr0", true));
    }

    [Fact]
    public void A_uri_that_cannot_be_opened_is_a_host_exception_naming_it()
    {
        var open = () => LibvirtHost.Open("test:///no/such/node.xml");

        open.Should().Throw<HostException>().Which.Message.Should().Contain("test:///no/such/node.xml");
    }

    [Fact]
    public void A_missing_library_is_a_host_exception_that_says_how_to_install_it()
    {
        var load = () => LibvirtLibrary.RequireLoadable("libvirt-cimcloud-missing.so.0");

        var error = load.Should().Throw<HostException>().Which;
        error.Kind.Should().Be(HostErrorKind.NotSupported);
        error.Message.Should().Contain("libvirt-cimcloud-missing.so.0").And.Contain("apt-get install libvirt0");
    }

    [Fact]
    public async Task A_cancelled_call_is_cancelled_and_the_host_keeps_serving()
    {
        await using var host = Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var list = async () => await host.ListMachinesAsync(cancelled.Token);

        await list.Should().ThrowAsync<OperationCanceledException>();
        (await host.ListMachinesAsync(Token)).Should().ContainSingle();
    }

    [Fact]
    public async Task Calls_after_dispose_are_refused()
    {
        var host = Open();
        await host.DisposeAsync();

        var list = async () => await host.ListMachinesAsync(Token);

        await list.Should().ThrowAsync<ObjectDisposedException>();
    }
}
