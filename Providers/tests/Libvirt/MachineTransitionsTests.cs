using CimCloud.Providers.Hosts;
using CimCloud.Providers.Hosts.Libvirt.State;
using FluentAssertions;
using Xunit;

namespace CimCloud.Providers.Tests.Libvirt;

public sealed class MachineTransitionsTests
{
    [Theory]
    [InlineData(MachineStateChange.Start, new[] { MachineRunState.ShutOff, MachineRunState.Saved, MachineRunState.Crashed })]
    [InlineData(MachineStateChange.Resume, new[] { MachineRunState.Paused })]
    [InlineData(MachineStateChange.Destroy, new[] { MachineRunState.Running, MachineRunState.Blocked, MachineRunState.Paused, MachineRunState.ShuttingDown })]
    [InlineData(MachineStateChange.Shutdown, new[] { MachineRunState.Running, MachineRunState.Blocked })]
    [InlineData(MachineStateChange.Suspend, new[] { MachineRunState.Running, MachineRunState.Blocked })]
    [InlineData(MachineStateChange.ManagedSave, new[] { MachineRunState.Running, MachineRunState.Blocked, MachineRunState.Paused })]
    [InlineData(MachineStateChange.Reboot, new[] { MachineRunState.Running, MachineRunState.Blocked, MachineRunState.Paused })]
    [InlineData(MachineStateChange.Reset, new[] { MachineRunState.Running, MachineRunState.Blocked, MachineRunState.Paused })]
    public void Each_transition_is_allowed_exactly_from_its_documented_states(MachineStateChange change, MachineRunState[] allowedFrom)
    {
        var allowed = Enum.GetValues<MachineRunState>().Where(state => MachineTransitions.IsAllowed(state, change));

        allowed.Should().BeEquivalentTo(allowedFrom);
    }

    [Fact]
    public void A_refused_transition_is_invalid_state_naming_machine_state_and_change()
    {
        var act = () => MachineTransitions.EnsureAllowed("vm1", MachineRunState.ShutOff, MachineStateChange.Suspend);

        var error = act.Should().Throw<HostException>().Which;
        error.Kind.Should().Be(HostErrorKind.InvalidState);
        error.Message.Should().Contain("vm1").And.Contain("ShutOff").And.Contain("Suspend");
    }

    [Theory]
    [InlineData(1, false, MachineRunState.Running)]
    [InlineData(3, false, MachineRunState.Paused)]
    [InlineData(5, false, MachineRunState.ShutOff)]
    [InlineData(5, true, MachineRunState.Saved)]
    [InlineData(6, false, MachineRunState.Crashed)]
    [InlineData(0, false, MachineRunState.NoState)]
    public void Libvirt_domain_states_map_to_run_states(int state, bool managedSave, MachineRunState expected) =>
        LibvirtStates.ToRunState(state, managedSave).Should().Be(expected);
}
