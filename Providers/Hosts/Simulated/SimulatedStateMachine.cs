namespace CimCloud.Providers.Hosts.Simulated;

/// <summary>The transitions documented on <see cref="MachineStateChange"/>; the simulated guest obeys at once.</summary>
internal static class SimulatedStateMachine
{
    /// <summary>The state after <paramref name="change"/>, or null when it is not allowed from <paramref name="from"/>.</summary>
    public static MachineRunState? Apply(MachineRunState from, MachineStateChange change) => change switch
    {
        MachineStateChange.Start when from is MachineRunState.ShutOff or MachineRunState.Saved or MachineRunState.Crashed => MachineRunState.Running,
        MachineStateChange.Resume when from is MachineRunState.Paused => MachineRunState.Running,
        MachineStateChange.Destroy when IsActive(from) => MachineRunState.ShutOff,
        MachineStateChange.Shutdown when from is MachineRunState.Running or MachineRunState.Blocked => MachineRunState.ShutOff,
        MachineStateChange.Suspend when from is MachineRunState.Running or MachineRunState.Blocked => MachineRunState.Paused,
        MachineStateChange.ManagedSave when from is MachineRunState.Running or MachineRunState.Blocked or MachineRunState.Paused => MachineRunState.Saved,
        MachineStateChange.Reboot or MachineStateChange.Reset
            when from is MachineRunState.Running or MachineRunState.Blocked or MachineRunState.Paused => MachineRunState.Running,
        _ => null,
    };

    /// <summary>Running, blocked, paused or shutting down: the machine holds its resources.</summary>
    public static bool IsActive(MachineRunState state) =>
        state is MachineRunState.Running or MachineRunState.Blocked or MachineRunState.Paused or MachineRunState.ShuttingDown;

    /// <summary>Its vCPUs run: counters grow.</summary>
    public static bool IsRunning(MachineRunState state) => state is MachineRunState.Running or MachineRunState.Blocked;
}
