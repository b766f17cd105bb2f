using CimCloud.Providers.Hosts;
using FluentAssertions;
using Xunit;
using static CimCloud.Providers.Tests.Libvirt.TestDriver;

namespace CimCloud.Providers.Tests.Libvirt;

[Collection(LibvirtCollection.Name)]
public sealed class StatisticsTests
{
    [Fact]
    public async Task A_running_machine_has_counters_for_cpu_each_disk_and_each_nic_that_never_decrease()
    {
        await using var host = Open();
        var seeded = await Seeded(host);

        var first = await host.GetStatisticsAsync(seeded.Uuid, Token);
        var second = await host.GetStatisticsAsync(seeded.Uuid, Token);

        first.Uuid.Should().Be(seeded.Uuid);
        first.CpuTimeNanoseconds.Should().BeGreaterThan(0);
        first.MemoryUsedBytes.Should().Be(2 * GiB);
        first.Disks.Should().ContainSingle().Which.Target.Should().Be("vda");
        first.Disks[0].ReadBytes.Should().BeGreaterThan(0);
        first.Nics.Should().ContainSingle().Which.MacAddress.Should().Be("aa:bb:cc:dd:ee:ff");
        first.Nics[0].ReceivedBytes.Should().BeGreaterThan(0);

        second.TakenAt.Should().BeOnOrAfter(first.TakenAt);
        second.CpuTimeNanoseconds.Should().BeGreaterThanOrEqualTo(first.CpuTimeNanoseconds);
        second.Disks[0].ReadBytes.Should().BeGreaterThanOrEqualTo(first.Disks[0].ReadBytes);
        second.Disks[0].WriteRequests.Should().BeGreaterThanOrEqualTo(first.Disks[0].WriteRequests);
        second.Nics[0].TransmittedPackets.Should().BeGreaterThanOrEqualTo(first.Nics[0].TransmittedPackets);
    }

    [Fact]
    public async Task A_shut_off_machine_reads_zero_for_every_counter()
    {
        await using var host = Open();
        var disk = await NewVolumeDisk(host, "vda", "idle.img");
        var machine = await host.DefineMachineAsync(Machine("idle", disk), Token);

        var stats = await host.GetStatisticsAsync(machine.Uuid, Token);

        stats.CpuTimeNanoseconds.Should().Be(0);
        stats.MemoryUsedBytes.Should().Be(0);
        stats.Disks.Should().ContainSingle().Which.Should().Be(new DiskStatistics("vda", 0, 0, 0, 0));
        stats.Nics.Should().ContainSingle().Which.Should().Be(new NicStatistics("52:54:00:12:34:56", 0, 0, 0, 0));
    }

    [Fact]
    public async Task A_started_machine_with_a_volume_disk_reports_its_disk_and_nic()
    {
        await using var host = Open();
        var disk = await NewVolumeDisk(host, "vda", "busy.img");
        var machine = await host.DefineMachineAsync(Machine("busy", disk), Token);
        await host.ChangeStateAsync(machine.Uuid, MachineStateChange.Start, Token);

        var stats = await host.GetStatisticsAsync(machine.Uuid, Token);

        stats.CpuTimeNanoseconds.Should().BeGreaterThan(0);
        stats.Disks.Single().Target.Should().Be("vda");
        stats.Nics.Single().MacAddress.Should().Be("52:54:00:12:34:56");
    }

    [Fact]
    public async Task Statistics_of_an_unknown_machine_are_not_found()
    {
        await using var host = Open();

        var act = async () => await host.GetStatisticsAsync(Guid.NewGuid().ToString(), Token);

        (await act.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.NotFound);
    }
}
