namespace CimCloud.Providers.Hosts.Libvirt.State;

/// <summary>
/// The documented state machine of <see cref="MachineStateChange"/>: which run states a transition may start
/// from. Checked before libvirt is asked, so a refused transition is InvalidState whatever the driver says.
/// </summary>
internal static class MachineTransitions
{
    public static bool IsAllowed(MachineRunState from, MachineStateChange change) => change switch
    {
        MachineStateChange.Start => from is MachineRunState.ShutOff or MachineRunState.Saved or MachineRunState.Crashed,
        MachineStateChange.Resume => from is MachineRunState.Paused,
        MachineStateChange.Destroy => from is MachineRunState.Running or MachineRunState.Blocked
            or MachineRunState.Paused or MachineRunState.ShuttingDown,
        MachineStateChange.Shutdown or MachineStateChange.Suspend => from is MachineRunState.Running or MachineRunState.Blocked,
        MachineStateChange.ManagedSave or MachineStateChange.Reboot or MachineStateChange.Reset =>
            from is MachineRunState.Running or MachineRunState.Blocked or MachineRunState.Paused,
        _ => false,
    };

    public static void EnsureAllowed(string name, MachineRunState from, MachineStateChange change)
    {
        if (!IsAllowed(from, change))
            throw new HostException(HostErrorKind.InvalidState, $"machine '{name}' is {from}: {change} is not allowed from that state");
    }
}
