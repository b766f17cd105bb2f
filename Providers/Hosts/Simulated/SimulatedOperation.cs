namespace CimCloud.Providers.Hosts.Simulated;

/// <summary>The calls of the simulated host, by name (used to inject failures).</summary>
public enum SimulatedOperation
{
    GetHostInfo,
    ListMachines,
    FindMachine,
    DefineMachine,
    RedefineMachine,
    UndefineMachine,
    ChangeState,
    GetStatistics,
    ListStoragePools,
    ListVolumes,
    CreateVolume,
    DeleteVolume,
    ListNetworks,
}
