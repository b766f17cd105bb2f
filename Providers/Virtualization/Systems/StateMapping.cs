using CimCloud.Providers.Hosts;

namespace CimCloud.Providers.Virtualization.Systems;

/// <summary>Run state to CIM EnabledState / OperationalStatus / HealthState, and the transitions a state allows.</summary>
internal static class StateMapping
{
    public const ushort Enabled = 2;
    public const ushort Disabled = 3;
    public const ushort ShutDown = 4;
    public const ushort NoChange = 5;
    public const ushort Offline = 6;
    public const ushort Test = 7;
    public const ushort Deferred = 8;
    public const ushort Quiesce = 9;
    public const ushort Reboot = 10;
    public const ushort Reset = 11;
    public const ushort NotApplicable = 12;

    /// <summary>Every RequestedState the VMs support (CIM_EnabledLogicalElementCapabilities.RequestedStatesSupported).</summary>
    public static ushort[] Supported { get; } = [Enabled, Disabled, ShutDown, Offline, Quiesce, Reboot, Reset];

    /// <summary>EnabledState: 0 Unknown, 2 Enabled, 3 Disabled, 4 Shutting Down, 6 Enabled but Offline, 9 Quiesce.</summary>
    public static ushort EnabledState(MachineRunState state) => state switch
    {
        MachineRunState.Running or MachineRunState.Blocked => Enabled,
        MachineRunState.Paused => Quiesce,
        MachineRunState.ShuttingDown => ShutDown,
        MachineRunState.ShutOff or MachineRunState.Crashed => Disabled,
        MachineRunState.Saved => Offline,
        _ => 0,
    };

    /// <summary>OperationalStatus: 2 OK (running), 15 Dormant (paused), 9 Stopping, 10 Stopped, 6 Error (crashed), 0 Unknown.</summary>
    public static ushort[] OperationalStatus(MachineRunState state) => state switch
    {
        MachineRunState.Running or MachineRunState.Blocked => [2],
        MachineRunState.Paused => [15],
        MachineRunState.ShuttingDown => [9],
        MachineRunState.ShutOff or MachineRunState.Saved => [10],
        MachineRunState.Crashed => [6],
        _ => [0],
    };

    /// <summary>HealthState: 5 OK, 20 Major Failure for a crashed machine, 0 Unknown.</summary>
    public static ushort HealthState(MachineRunState state) => state switch
    {
        MachineRunState.Crashed => 20,
        MachineRunState.NoState => 0,
        _ => 5,
    };

    public static bool IsActive(MachineRunState state) =>
        state is MachineRunState.Running or MachineRunState.Blocked or MachineRunState.Paused or MachineRunState.ShuttingDown;

    /// <summary>The host transition that brings a machine in <paramref name="state"/> to <paramref name="requested"/>; null when not allowed.</summary>
    public static MachineStateChange? Transition(ushort requested, MachineRunState state)
    {
        var running = state is MachineRunState.Running or MachineRunState.Blocked;
        var paused = state == MachineRunState.Paused;
        return requested switch
        {
            Enabled when state is MachineRunState.ShutOff or MachineRunState.Saved or MachineRunState.Crashed => MachineStateChange.Start,
            Enabled when paused => MachineStateChange.Resume,
            Disabled when running || paused || state == MachineRunState.ShuttingDown => MachineStateChange.Destroy,
            ShutDown when running => MachineStateChange.Shutdown,
            Offline when running || paused => MachineStateChange.ManagedSave,
            Quiesce when running => MachineStateChange.Suspend,
            Reboot when running || paused => MachineStateChange.Reboot,
            Reset when running || paused => MachineStateChange.Reset,
            _ => null,
        };
    }

    /// <summary>The requested states reachable from <paramref name="state"/> (AvailableRequestedStates).</summary>
    public static ushort[] Available(MachineRunState state) => [.. Supported.Where(r => Transition(r, state) is not null)];
}
