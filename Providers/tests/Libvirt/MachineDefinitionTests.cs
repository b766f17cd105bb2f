using CimCloud.Providers.Hosts;
using FluentAssertions;
using Xunit;
using static CimCloud.Providers.Tests.Libvirt.TestDriver;

namespace CimCloud.Providers.Tests.Libvirt;

[Collection(LibvirtCollection.Name)]
public sealed class MachineDefinitionTests
{
    [Fact]
    public async Task Define_creates_a_shut_off_persistent_machine_that_reads_back_as_defined()
    {
        await using var host = Open();
        var disk = await NewVolumeDisk(host, "vda", "web-root.img", 5 * GiB);
        var definition = Machine("web", disk) with { AutoStart = true };

        var defined = await host.DefineMachineAsync(definition, Token);

        defined.State.Should().Be(MachineRunState.ShutOff);
        defined.Persistent.Should().BeTrue();
        Guid.TryParse(defined.Uuid, out _).Should().BeTrue();
        defined.Uuid.Should().Be(defined.Uuid.ToLowerInvariant());
        defined.Definition.Should().BeEquivalentTo(definition with { Uuid = defined.Uuid });
        defined.Definition.Disks.Single().CapacityBytes.Should().Be(5 * GiB);
        (await host.FindMachineAsync(defined.Uuid, Token)).Should().BeEquivalentTo(defined);
        (await host.ListMachinesAsync(Token)).Select(m => m.Name).Should().Equal("test", "web");
    }

    [Fact]
    public async Task Define_keeps_a_given_uuid_and_gives_an_empty_mac_a_fresh_address()
    {
        await using var host = Open();
        var uuid = Guid.NewGuid().ToString().ToUpperInvariant();
        var definition = Machine("db") with { Uuid = uuid, Nics = [new NicDefinition(string.Empty, DefaultNetwork)] };

        var defined = await host.DefineMachineAsync(definition, Token);

        defined.Uuid.Should().Be(uuid.ToLowerInvariant());
        defined.Definition.Nics.Single().MacAddress.Should().MatchRegex("^52:54:00(:[0-9a-f]{2}){3}$");
    }

    [Fact]
    public async Task A_file_disk_and_a_read_only_cdrom_round_trip()
    {
        await using var host = Open();
        var definition = Machine("iso") with
        {
            Disks =
            [
                new DiskDefinition("vda", null, null, "/images/root.img", 0),
                new DiskDefinition("hdc", null, null, "/iso/install.iso", 0, DiskDeviceKind.CdRom, ReadOnly: true),
            ],
        };

        var defined = await host.DefineMachineAsync(definition, Token);

        defined.Definition.Disks.Should().Equal(definition.Disks);
    }

    [Fact]
    public async Task Undefine_removes_a_saved_machine_with_its_managed_save_image()
    {
        await using var host = Open();
        var seeded = await Seeded(host);
        await host.ChangeStateAsync(seeded.Uuid, MachineStateChange.ManagedSave, Token);

        await host.UndefineMachineAsync(seeded.Uuid, Token);

        (await host.FindMachineAsync(seeded.Uuid, Token)).Should().BeNull();
    }

    [Fact]
    public async Task Define_with_a_taken_name_or_uuid_is_already_exists()
    {
        await using var host = Open();
        var seeded = await Seeded(host);

        var sameName = async () => await host.DefineMachineAsync(Machine(SeededMachine), Token);
        var sameUuid = async () => await host.DefineMachineAsync(Machine("other") with { Uuid = seeded.Uuid }, Token);

        (await sameName.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.AlreadyExists);
        (await sameUuid.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.AlreadyExists);
        (await host.ListMachinesAsync(Token)).Should().ContainSingle();
    }

    public static TheoryData<string, MachineDefinition> BadDefinitions()
    {
        var nic = new NicDefinition("52:54:00:00:00:01", DefaultNetwork);
        var disk = new DiskDefinition("vda", null, null, "/images/a.img", 0);
        return new TheoryData<string, MachineDefinition>
        {
            { "unknown pool", Machine("m") with { Disks = [new DiskDefinition("vda", "no-such-pool", "a.img", null, 0)] } },
            { "unknown volume", Machine("m") with { Disks = [new DiskDefinition("vda", DefaultPool, "missing.img", null, 0)] } },
            { "unknown network", Machine("m") with { Nics = [new NicDefinition("52:54:00:00:00:02", "no-such-net")] } },
            { "duplicate target", Machine("m") with { Disks = [disk, disk with { SourcePath = "/images/b.img" }] } },
            { "duplicate MAC", Machine("m") with { Nics = [nic, nic] } },
            { "malformed MAC", Machine("m") with { Nics = [new NicDefinition("52:54:00:zz:00:01", DefaultNetwork)] } },
            { "disk without backing", Machine("m") with { Disks = [new DiskDefinition("vda", null, null, null, 0)] } },
            { "no name", Machine(" ") },
            { "no CPUs", Machine("m") with { VirtualCpus = 0 } },
            { "memory above maximum", Machine("m") with { MemoryBytes = 2 * GiB, MaxMemoryBytes = GiB } },
            { "malformed UUID", Machine("m") with { Uuid = "nope" } },
        };
    }

    [Theory]
    [MemberData(nameof(BadDefinitions))]
    public async Task A_bad_definition_is_invalid_argument_and_defines_nothing(string why, MachineDefinition definition)
    {
        await using var host = Open();

        var define = async () => await host.DefineMachineAsync(definition, Token);

        (await define.Should().ThrowAsync<HostException>(why)).Which.Kind.Should().Be(HostErrorKind.InvalidArgument, why);
        (await host.ListMachinesAsync(Token)).Should().ContainSingle(why);
    }

    [Fact]
    public async Task More_cpus_or_memory_than_the_host_has_is_insufficient_resources()
    {
        await using var host = Open();

        var cpus = async () => await host.DefineMachineAsync(Machine("big") with { VirtualCpus = 17 }, Token);
        var memory = async () => await host.DefineMachineAsync(Machine("big") with { MemoryBytes = 4 * GiB, MaxMemoryBytes = 4 * GiB }, Token);

        (await cpus.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.InsufficientResources);
        (await memory.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.InsufficientResources);
    }

    [Fact]
    public async Task Undefine_removes_a_machine_and_stops_a_running_one_first()
    {
        await using var host = Open();
        var defined = await host.DefineMachineAsync(Machine("tmp"), Token);
        var seeded = await Seeded(host);

        await host.UndefineMachineAsync(defined.Uuid, Token);
        await host.UndefineMachineAsync(seeded.Uuid, Token);

        (await host.ListMachinesAsync(Token)).Should().BeEmpty();
        var again = async () => await host.UndefineMachineAsync(defined.Uuid, Token);
        (await again.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.NotFound);
    }

    [Fact]
    public async Task Redefine_of_a_shut_off_machine_adds_a_second_disk_and_nic_and_changes_size()
    {
        await using var host = Open();
        var first = await NewVolumeDisk(host, "vda", "a.img");
        var defined = await host.DefineMachineAsync(Machine("app", first), Token);
        var second = await NewVolumeDisk(host, "vdb", "b.img", 2 * GiB);
        var changed = defined.Definition with
        {
            VirtualCpus = 4,
            MemoryBytes = 2 * GiB,
            Description = "resized",
            Disks = [.. defined.Definition.Disks, second],
            Nics = [.. defined.Definition.Nics, new NicDefinition("52:54:00:ab:cd:ef", DefaultNetwork, "e1000")],
        };

        var redefined = await host.RedefineMachineAsync(changed, Token);

        redefined.Uuid.Should().Be(defined.Uuid);
        redefined.Definition.Should().BeEquivalentTo(changed);
        (await host.FindMachineAsync(defined.Uuid, Token))!.Definition.Disks.Select(d => d.Target).Should().Equal("vda", "vdb");
    }

    [Fact]
    public async Task Redefine_of_a_running_machine_changes_its_persistent_configuration_and_keeps_it_running()
    {
        await using var host = Open();
        var seeded = await Seeded(host);
        var disk = await NewVolumeDisk(host, "vdb", "extra.img");
        var changed = seeded.Definition with
        {
            Disks = [.. seeded.Definition.Disks, disk],
            Nics = [.. seeded.Definition.Nics, new NicDefinition("52:54:00:00:00:42", DefaultNetwork, "virtio")],
        };

        var redefined = await host.RedefineMachineAsync(changed, Token);

        redefined.State.Should().Be(MachineRunState.Running);
        redefined.Definition.Disks.Select(d => d.Target).Should().Equal("vda", "vdb");
        redefined.Definition.Nics.Select(n => n.MacAddress).Should().Equal("aa:bb:cc:dd:ee:ff", "52:54:00:00:00:42");
    }

    [Fact]
    public async Task Redefine_removes_a_disk_that_is_left_out()
    {
        await using var host = Open();
        var seeded = await Seeded(host);

        var redefined = await host.RedefineMachineAsync(seeded.Definition with { Disks = [] }, Token);

        redefined.Definition.Disks.Should().BeEmpty();
        redefined.Definition.Nics.Should().HaveCount(1);
    }

    [Fact]
    public async Task Rename_works_when_shut_off_and_is_invalid_state_while_running()
    {
        await using var host = Open();
        var defined = await host.DefineMachineAsync(Machine("old"), Token);
        var seeded = await Seeded(host);

        var renamed = await host.RedefineMachineAsync(defined.Definition with { Name = "new" }, Token);
        var renameRunning = async () => await host.RedefineMachineAsync(seeded.Definition with { Name = "moved" }, Token);
        var renameOntoTaken = async () => await host.RedefineMachineAsync(renamed.Definition with { Name = SeededMachine }, Token);

        renamed.Name.Should().Be("new");
        renamed.Uuid.Should().Be(defined.Uuid);
        (await renameRunning.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.InvalidState);
        (await renameOntoTaken.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.AlreadyExists);
    }

    [Fact]
    public async Task Redefine_of_an_unknown_machine_is_not_found_and_without_uuid_is_invalid_argument()
    {
        await using var host = Open();

        var unknown = async () => await host.RedefineMachineAsync(Machine("ghost") with { Uuid = Guid.NewGuid().ToString() }, Token);
        var noUuid = async () => await host.RedefineMachineAsync(Machine("ghost"), Token);

        (await unknown.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.NotFound);
        (await noUuid.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.InvalidArgument);
    }
}
