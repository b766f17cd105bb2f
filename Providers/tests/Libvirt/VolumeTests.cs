using CimCloud.Providers.Hosts;
using FluentAssertions;
using Xunit;
using static CimCloud.Providers.Tests.Libvirt.TestDriver;

namespace CimCloud.Providers.Tests.Libvirt;

[Collection(LibvirtCollection.Name)]
public sealed class VolumeTests
{
    [Fact]
    public async Task Create_lists_the_volume_and_takes_pool_space()
    {
        await using var host = Open();

        var created = await host.CreateVolumeAsync(DefaultPool, "data.img", 10 * GiB, Token);

        created.Should().BeEquivalentTo(new { Pool = DefaultPool, Name = "data.img", CapacityBytes = 10 * GiB });
        created.Path.Should().EndWith("data.img");
        (await host.ListVolumesAsync(DefaultPool, Token)).Should().ContainSingle().Which.Should().Be(created);
        (await host.ListStoragePoolsAsync(Token)).Single().AvailableBytes.Should().Be(90 * GiB);
    }

    [Fact]
    public async Task Create_refuses_duplicates_oversize_bad_names_and_unknown_pools()
    {
        await using var host = Open();
        await host.CreateVolumeAsync(DefaultPool, "a.img", GiB, Token);

        async Task<HostErrorKind> KindOf(string pool, string name, ulong bytes)
        {
            var act = async () => await host.CreateVolumeAsync(pool, name, bytes, Token);
            return (await act.Should().ThrowAsync<HostException>()).Which.Kind;
        }

        (await KindOf(DefaultPool, "a.img", GiB)).Should().Be(HostErrorKind.AlreadyExists);
        (await KindOf(DefaultPool, "huge.img", 100 * GiB)).Should().Be(HostErrorKind.InsufficientResources);
        (await KindOf(DefaultPool, "../escape", GiB)).Should().Be(HostErrorKind.InvalidArgument);
        (await KindOf(DefaultPool, "zero.img", 0)).Should().Be(HostErrorKind.InvalidArgument);
        (await KindOf("no-such-pool", "b.img", GiB)).Should().Be(HostErrorKind.NotFound);
        (await host.ListVolumesAsync(DefaultPool, Token)).Should().ContainSingle();
    }

    [Fact]
    public async Task Delete_refuses_a_volume_in_use_until_its_machine_is_gone()
    {
        await using var host = Open();
        var disk = await NewVolumeDisk(host, "vda", "root.img");
        var machine = await host.DefineMachineAsync(Machine("user", disk), Token);

        var deleteInUse = async () => await host.DeleteVolumeAsync(DefaultPool, "root.img", Token);
        (await deleteInUse.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.InUse);

        await host.UndefineMachineAsync(machine.Uuid, Token);
        await host.DeleteVolumeAsync(DefaultPool, "root.img", Token);
        (await host.ListVolumesAsync(DefaultPool, Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_volume_used_only_by_a_running_machines_new_configuration_is_in_use()
    {
        await using var host = Open();
        var seeded = await Seeded(host);
        var disk = await NewVolumeDisk(host, "vdb", "hot.img");
        await host.RedefineMachineAsync(seeded.Definition with { Disks = [.. seeded.Definition.Disks, disk] }, Token);

        var delete = async () => await host.DeleteVolumeAsync(DefaultPool, "hot.img", Token);

        (await delete.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.InUse);
    }

    [Fact]
    public async Task Delete_or_list_of_unknown_things_is_not_found()
    {
        await using var host = Open();

        var deleteUnknownVolume = async () => await host.DeleteVolumeAsync(DefaultPool, "none.img", Token);
        var deleteInUnknownPool = async () => await host.DeleteVolumeAsync("no-such-pool", "none.img", Token);
        var listUnknownPool = async () => await host.ListVolumesAsync("no-such-pool", Token);

        (await deleteUnknownVolume.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.NotFound);
        (await deleteInUnknownPool.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.NotFound);
        (await listUnknownPool.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.NotFound);
    }
}
