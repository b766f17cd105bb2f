using CimCloud.Providers.Hosts;
using CimCloud.Providers.Hosts.Simulated;
using FluentAssertions;
using Xunit;

namespace CimCloud.Providers.Tests.Simulated;

public sealed class SimulatedHostTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_new_host_holds_the_seed_inventory()
    {
        await using var host = new SimulatedHost();
        var machines = await host.ListMachinesAsync(None);
        machines.Should().ContainSingle();
        var test = machines[0];
        test.Name.Should().Be("test");
        test.Uuid.Should().Be(SimulatedInventory.TestMachineUuid);
        test.State.Should().Be(MachineRunState.Running);
        test.Definition.Disks.Should().ContainSingle(d => d.Target == "vda" && d.Pool == "default-pool" && d.Volume == "test.img");
        test.Definition.Nics.Should().ContainSingle(n => n.Network == "default");
        (await host.ListStoragePoolsAsync(None)).Select(p => p.Name).Should().Equal("default-pool", "fast-pool");
        (await host.ListNetworksAsync(None)).Select(n => n.Name).Should().Equal("default", "isolated");
        var info = await host.GetHostInfoAsync(None);
        info.LogicalProcessors.Should().Be(16);
        host.BackendName.Should().Be("simulated");
    }

    [Fact]
    public async Task Defined_machines_are_shut_off_and_get_the_same_UUID_for_the_same_seed()
    {
        await using var a = new SimulatedHost(new SimulatedHostSettings { Seed = 7 });
        await using var b = new SimulatedHost(new SimulatedHostSettings { Seed = 7 });
        await using var c = new SimulatedHost(new SimulatedHostSettings { Seed = 8 });
        var first = await a.DefineMachineAsync(Web("web01"), None);
        var second = await b.DefineMachineAsync(Web("web01"), None);
        var third = await c.DefineMachineAsync(Web("web01"), None);
        first.State.Should().Be(MachineRunState.ShutOff);
        first.Uuid.Should().Be(second.Uuid).And.NotBe(third.Uuid);
        Guid.TryParse(first.Uuid, out _).Should().BeTrue();
        (await a.FindMachineAsync(first.Uuid, None))!.Definition.Uuid.Should().Be(first.Uuid);
    }

    [Theory]
    [InlineData("test", HostErrorKind.AlreadyExists)]
    [InlineData("no-such-pool", HostErrorKind.InvalidArgument)]
    [InlineData("no-such-volume", HostErrorKind.InvalidArgument)]
    [InlineData("no-such-network", HostErrorKind.InvalidArgument)]
    [InlineData("bad-mac", HostErrorKind.InvalidArgument)]
    [InlineData("too-many-cpus", HostErrorKind.InsufficientResources)]
    [InlineData("max-below-current", HostErrorKind.InvalidArgument)]
    [InlineData("duplicate-target", HostErrorKind.InvalidArgument)]
    public async Task Bad_definitions_are_refused_with_their_kind(string variant, HostErrorKind expected)
    {
        await using var host = new SimulatedHost();
        var d = Web("web01");
        d = variant switch
        {
            "test" => d with { Name = "test" },
            "no-such-pool" => d with { Disks = [new DiskDefinition("vda", "nope", "x.img", null, 0)] },
            "no-such-volume" => d with { Disks = [new DiskDefinition("vda", "default-pool", "nope.img", null, 0)] },
            "no-such-network" => d with { Nics = [new NicDefinition("52:54:00:aa:bb:cc", "nope")] },
            "bad-mac" => d with { Nics = [new NicDefinition("52-54-00-AA-BB-CC", "default")] },
            "too-many-cpus" => d with { VirtualCpus = 17 },
            "max-below-current" => d with { MaxMemoryBytes = 1 },
            "duplicate-target" => d with { Disks = [new DiskDefinition("vda", null, null, "/a", 0), new DiskDefinition("vda", null, null, "/b", 0)] },
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        var act = async () => await host.DefineMachineAsync(d, None);
        (await act.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(expected);
        (await host.ListMachinesAsync(None)).Should().ContainSingle("nothing was defined");
    }

    [Theory]
    [InlineData(MachineRunState.ShutOff, MachineStateChange.Start, MachineRunState.Running)]
    [InlineData(MachineRunState.Saved, MachineStateChange.Start, MachineRunState.Running)]
    [InlineData(MachineRunState.Paused, MachineStateChange.Resume, MachineRunState.Running)]
    [InlineData(MachineRunState.Running, MachineStateChange.Destroy, MachineRunState.ShutOff)]
    [InlineData(MachineRunState.Paused, MachineStateChange.Destroy, MachineRunState.ShutOff)]
    [InlineData(MachineRunState.Running, MachineStateChange.Shutdown, MachineRunState.ShutOff)]
    [InlineData(MachineRunState.Running, MachineStateChange.Suspend, MachineRunState.Paused)]
    [InlineData(MachineRunState.Running, MachineStateChange.ManagedSave, MachineRunState.Saved)]
    [InlineData(MachineRunState.Paused, MachineStateChange.ManagedSave, MachineRunState.Saved)]
    [InlineData(MachineRunState.Running, MachineStateChange.Reboot, MachineRunState.Running)]
    [InlineData(MachineRunState.Paused, MachineStateChange.Reset, MachineRunState.Running)]
    public async Task Allowed_transitions_reach_their_state(MachineRunState from, MachineStateChange change, MachineRunState to)
    {
        await using var host = new SimulatedHost();
        var uuid = await MachineInStateAsync(host, from);
        (await host.ChangeStateAsync(uuid, change, None)).State.Should().Be(to);
        (await host.FindMachineAsync(uuid, None))!.State.Should().Be(to);
    }

    [Theory]
    [InlineData(MachineRunState.Running, MachineStateChange.Start)]
    [InlineData(MachineRunState.Running, MachineStateChange.Resume)]
    [InlineData(MachineRunState.ShutOff, MachineStateChange.Destroy)]
    [InlineData(MachineRunState.ShutOff, MachineStateChange.Shutdown)]
    [InlineData(MachineRunState.Paused, MachineStateChange.Shutdown)]
    [InlineData(MachineRunState.Paused, MachineStateChange.Suspend)]
    [InlineData(MachineRunState.ShutOff, MachineStateChange.Suspend)]
    [InlineData(MachineRunState.ShutOff, MachineStateChange.ManagedSave)]
    [InlineData(MachineRunState.ShutOff, MachineStateChange.Reboot)]
    [InlineData(MachineRunState.Saved, MachineStateChange.Reset)]
    public async Task Other_transitions_are_InvalidState_and_change_nothing(MachineRunState from, MachineStateChange change)
    {
        await using var host = new SimulatedHost();
        var uuid = await MachineInStateAsync(host, from);
        var act = async () => await host.ChangeStateAsync(uuid, change, None);
        (await act.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.InvalidState);
        (await host.FindMachineAsync(uuid, None))!.State.Should().Be(from);
    }

    [Fact]
    public async Task Unknown_machines_are_NotFound()
    {
        await using var host = new SimulatedHost();
        var act = async () => await host.ChangeStateAsync(Guid.Empty.ToString(), MachineStateChange.Start, None);
        (await act.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.NotFound);
        (await host.FindMachineAsync(Guid.Empty.ToString(), None)).Should().BeNull();
    }

    [Fact]
    public async Task Counters_grow_while_running_and_stand_still_while_paused()
    {
        var time = new ManualTime();
        await using var host = new SimulatedHost(time: time);
        var uuid = SimulatedInventory.TestMachineUuid;
        var t0 = await host.GetStatisticsAsync(uuid, None);
        time.Advance(TimeSpan.FromSeconds(10));
        var t1 = await host.GetStatisticsAsync(uuid, None);
        t1.CpuTimeNanoseconds.Should().BeGreaterThan(t0.CpuTimeNanoseconds);
        t1.Disks.Single().ReadBytes.Should().BeGreaterThan(t0.Disks.Single().ReadBytes);
        t1.Nics.Single().ReceivedBytes.Should().BeGreaterThan(t0.Nics.Single().ReceivedBytes);
        t1.TakenAt.Should().Be(time.GetUtcNow());

        await host.ChangeStateAsync(uuid, MachineStateChange.Suspend, None);
        time.Advance(TimeSpan.FromSeconds(10));
        var paused = await host.GetStatisticsAsync(uuid, None);
        paused.CpuTimeNanoseconds.Should().Be(t1.CpuTimeNanoseconds);

        await host.ChangeStateAsync(uuid, MachineStateChange.Resume, None);
        time.Advance(TimeSpan.FromSeconds(1));
        (await host.GetStatisticsAsync(uuid, None)).CpuTimeNanoseconds.Should().BeGreaterThan(paused.CpuTimeNanoseconds);
    }

    [Fact]
    public async Task Volumes_account_for_pool_capacity_and_refuse_deletion_while_in_use()
    {
        await using var host = new SimulatedHost();
        var volume = await host.CreateVolumeAsync("fast-pool", "data.img", 5UL << 30, None);
        volume.Path.Should().EndWith("/fast-pool/data.img");
        (await host.ListStoragePoolsAsync(None)).Single(p => p.Name == "fast-pool").AvailableBytes.Should().Be(15UL << 30);

        var tooBig = async () => await host.CreateVolumeAsync("fast-pool", "big.img", 16UL << 30, None);
        (await tooBig.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.InsufficientResources);
        var again = async () => await host.CreateVolumeAsync("fast-pool", "data.img", 1, None);
        (await again.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.AlreadyExists);
        var inUse = async () => await host.DeleteVolumeAsync("default-pool", "test.img", None);
        (await inUse.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.InUse);
        var noPool = async () => await host.ListVolumesAsync("nope", None);
        (await noPool.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.NotFound);

        await host.DeleteVolumeAsync("fast-pool", "data.img", None);
        (await host.ListVolumesAsync("fast-pool", None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Undefine_stops_and_removes_a_running_machine()
    {
        await using var host = new SimulatedHost();
        await host.UndefineMachineAsync(SimulatedInventory.TestMachineUuid, None);
        (await host.ListMachinesAsync(None)).Should().BeEmpty();
        await host.DeleteVolumeAsync("default-pool", "test.img", None);
    }

    [Fact]
    public async Task Redefine_replaces_the_definition_and_keeps_the_UUID()
    {
        await using var host = new SimulatedHost();
        var test = (await host.FindMachineAsync(SimulatedInventory.TestMachineUuid, None))!;
        var more = test.Definition with { VirtualCpus = 4, Nics = [.. test.Definition.Nics, new NicDefinition("52:54:00:00:00:02", "isolated")] };
        var result = await host.RedefineMachineAsync(more, None);
        result.Uuid.Should().Be(test.Uuid);
        result.Definition.VirtualCpus.Should().Be(4);
        result.Definition.Nics.Should().HaveCount(2);
        result.State.Should().Be(MachineRunState.Running);
    }

    [Fact]
    public async Task Injected_failures_hit_every_Nth_call_of_the_named_operations()
    {
        var settings = SimulatedHostSettings.FromValues(new Dictionary<string, string?> { ["FailOperations"] = "DefineMachine", ["FailEvery"] = "2" });
        await using var host = new SimulatedHost(settings);
        await host.DefineMachineAsync(Web("a"), None);
        var second = async () => await host.DefineMachineAsync(Web("b"), None);
        var failure = (await second.Should().ThrowAsync<HostException>()).Which;
        failure.Kind.Should().Be(HostErrorKind.Failed);
        failure.Message.Should().Contain("injected");
        await host.DefineMachineAsync(Web("c"), None);
        (await host.ListMachinesAsync(None)).Select(m => m.Name).Should().Equal("a", "c", "test");
    }

    [Fact]
    public async Task A_delayed_call_gives_up_when_its_caller_cancels()
    {
        await using var host = new SimulatedHost(new SimulatedHostSettings { Delay = TimeSpan.FromMinutes(10) });
        using var cancel = new CancellationTokenSource();
        var call = host.ListMachinesAsync(cancel.Token).AsTask();
        call.IsCompleted.Should().BeFalse();
        await cancel.CancelAsync();
        await call.Invoking(c => c).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Concurrent_definitions_all_land_with_distinct_UUIDs()
    {
        await using var host = new SimulatedHost();
        await Parallel.ForAsync(0, 64, async (i, ct) => await host.DefineMachineAsync(Web($"vm{i:00}"), ct));
        var machines = await host.ListMachinesAsync(None);
        machines.Should().HaveCount(65);
        machines.Select(m => m.Uuid).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Settings_come_from_CimCloud__Simulated__variables_and_bad_values_name_their_key()
    {
        var env = new System.Collections.Hashtable
        {
            ["CimCloud__Simulated__HostName"] = "lab1",
            ["CimCloud__Simulated__DelayMilliseconds"] = "25",
            ["CimCloud__Simulated__FailOperations"] = "ChangeState, CreateVolume",
            ["CimCloud__Simulated__MemoryMiB"] = "4096",
            ["OTHER"] = "x",
        };
        var settings = SimulatedHostSettings.FromEnvironment(env);
        settings.HostName.Should().Be("lab1");
        settings.Delay.Should().Be(TimeSpan.FromMilliseconds(25));
        settings.FailOperations.Should().BeEquivalentTo(["ChangeState", "CreateVolume"]);
        settings.MemoryBytes.Should().Be(4096UL << 20);

        var bad = () => SimulatedHostSettings.FromEnvironment(new System.Collections.Hashtable { ["CimCloud__Simulated__FailEvery"] = "0" });
        bad.Should().Throw<FormatException>().WithMessage("*FailEvery*");
        var unknown = () => SimulatedHostSettings.FromValues(new Dictionary<string, string?> { ["FailOperations"] = "Explode" });
        unknown.Should().Throw<FormatException>().WithMessage("*Explode*");
    }

    private static MachineDefinition Web(string name) =>
        new(name, null, 2, 1UL << 30, 2UL << 30, [new DiskDefinition("vda", "default-pool", "test.img", null, 10UL << 30)],
            [new NicDefinition("52:54:00:10:00:01", "default")]);

    /// <summary>Defines a machine and drives it into <paramref name="state"/>.</summary>
    private static async Task<string> MachineInStateAsync(SimulatedHost host, MachineRunState state)
    {
        var uuid = (await host.DefineMachineAsync(Web("m"), None)).Uuid;
        MachineStateChange[] path = state switch
        {
            MachineRunState.ShutOff => [],
            MachineRunState.Running => [MachineStateChange.Start],
            MachineRunState.Paused => [MachineStateChange.Start, MachineStateChange.Suspend],
            MachineRunState.Saved => [MachineStateChange.Start, MachineStateChange.ManagedSave],
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        foreach (var change in path)
            await host.ChangeStateAsync(uuid, change, None);
        return uuid;
    }
}
