using CimCloud.Providers.Hosts;
using FluentAssertions;
using Xunit;
using static CimCloud.Providers.Tests.Libvirt.TestDriver;

namespace CimCloud.Providers.Tests.Libvirt;

[Collection(LibvirtCollection.Name)]
public sealed class StateChangeTests
{
    [Fact]
    public async Task Every_valid_transition_reaches_its_state()
    {
        await using var host = Open();
        var uuid = (await host.DefineMachineAsync(Machine("vm"), Token)).Uuid;

        async Task Expect(MachineStateChange change, MachineRunState expected)
        {
            var after = await host.ChangeStateAsync(uuid, change, Token);
            after.State.Should().Be(expected, $"after {change}");
            (await host.FindMachineAsync(uuid, Token))!.State.Should().Be(expected, $"re-read after {change}");
            after.LastStateChange.Should().NotBeNull();
        }

        await Expect(MachineStateChange.Start, MachineRunState.Running);
        await Expect(MachineStateChange.Suspend, MachineRunState.Paused);
        await Expect(MachineStateChange.Reboot, MachineRunState.Running);
        await Expect(MachineStateChange.Suspend, MachineRunState.Paused);
        await Expect(MachineStateChange.Resume, MachineRunState.Running);
        await Expect(MachineStateChange.Reset, MachineRunState.Running);
        await Expect(MachineStateChange.ManagedSave, MachineRunState.Saved);
        await Expect(MachineStateChange.Start, MachineRunState.Running);
        await Expect(MachineStateChange.Shutdown, MachineRunState.ShutOff);
        await Expect(MachineStateChange.Start, MachineRunState.Running);
        await Expect(MachineStateChange.Suspend, MachineRunState.Paused);
        await Expect(MachineStateChange.ManagedSave, MachineRunState.Saved);
        await Expect(MachineStateChange.Start, MachineRunState.Running);
        await Expect(MachineStateChange.Suspend, MachineRunState.Paused);
        await Expect(MachineStateChange.Destroy, MachineRunState.ShutOff);
    }

    public static TheoryData<MachineRunState, MachineStateChange> InvalidTransitions()
    {
        var data = new TheoryData<MachineRunState, MachineStateChange>();
        var reachable = new[] { MachineRunState.ShutOff, MachineRunState.Running, MachineRunState.Paused, MachineRunState.Saved };
        foreach (var from in reachable)
        {
            foreach (var change in Enum.GetValues<MachineStateChange>())
            {
                if (!IsDocumented(from, change))
                    data.Add(from, change);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidTransitions))]
    public async Task A_transition_not_allowed_from_the_current_state_is_invalid_state_and_changes_nothing(MachineRunState from, MachineStateChange change)
    {
        await using var host = Open();
        var uuid = await MachineIn(host, from);

        var act = async () => await host.ChangeStateAsync(uuid, change, Token);

        (await act.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.InvalidState);
        (await host.FindMachineAsync(uuid, Token))!.State.Should().Be(from);
    }

    [Fact]
    public async Task A_transition_of_an_unknown_machine_is_not_found()
    {
        await using var host = Open();

        var act = async () => await host.ChangeStateAsync(Guid.NewGuid().ToString(), MachineStateChange.Start, Token);

        (await act.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.NotFound);
    }

    /// <summary>The table from MachineStateChange's documentation, written out independently of the implementation.</summary>
    private static bool IsDocumented(MachineRunState from, MachineStateChange change) => (from, change) switch
    {
        (MachineRunState.ShutOff or MachineRunState.Saved, MachineStateChange.Start) => true,
        (MachineRunState.Paused, MachineStateChange.Resume) => true,
        (MachineRunState.Running or MachineRunState.Paused, MachineStateChange.Destroy) => true,
        (MachineRunState.Running, MachineStateChange.Shutdown or MachineStateChange.Suspend) => true,
        (MachineRunState.Running or MachineRunState.Paused, MachineStateChange.ManagedSave or MachineStateChange.Reboot or MachineStateChange.Reset) => true,
        _ => false,
    };

    private static async Task<string> MachineIn(IVirtualizationHost host, MachineRunState state)
    {
        var uuid = (await host.DefineMachineAsync(Machine("vm"), Token)).Uuid;
        var path = state switch
        {
            MachineRunState.ShutOff => [],
            MachineRunState.Running => [MachineStateChange.Start],
            MachineRunState.Paused => [MachineStateChange.Start, MachineStateChange.Suspend],
            MachineRunState.Saved => new[] { MachineStateChange.Start, MachineStateChange.ManagedSave },
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        foreach (var change in path)
            await host.ChangeStateAsync(uuid, change, Token);
        (await host.FindMachineAsync(uuid, Token))!.State.Should().Be(state);
        return uuid;
    }
}
