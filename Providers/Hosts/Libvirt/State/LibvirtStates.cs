namespace CimCloud.Providers.Hosts.Libvirt.State;

/// <summary>virDomainState (plus the managed-save image flag) → <see cref="MachineRunState"/>.</summary>
internal static class LibvirtStates
{
    public static MachineRunState ToRunState(int domainState, bool hasManagedSave) => domainState switch
    {
        1 => MachineRunState.Running,
        2 => MachineRunState.Blocked,
        3 => MachineRunState.Paused,
        4 => MachineRunState.ShuttingDown,
        5 => hasManagedSave ? MachineRunState.Saved : MachineRunState.ShutOff,
        6 => MachineRunState.Crashed,
        7 => MachineRunState.Paused, // PMSUSPENDED: the guest suspended itself; closest run state.
        _ => MachineRunState.NoState,
    };
}
