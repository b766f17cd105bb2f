namespace CimCloud.Providers.Hosts.Simulated;

/// <summary>
/// What a new simulated host holds, after libvirt's <c>test:///default</c>: the running machine <c>test</c>
/// (2 vCPUs, 2 GiB of 8 GiB, disk vda on volume test.img, one NIC on network default), the storage pools
/// <c>default-pool</c> (100 GiB) and <c>fast-pool</c> (20 GiB), the networks <c>default</c> and <c>isolated</c>.
/// </summary>
public static class SimulatedInventory
{
    public const string TestMachineName = "test";
    public const string TestMachineUuid = "6695eb01-f6a4-8304-79aa-97f2502e193f";
    public const string TestMachineMac = "52:54:00:00:00:01";
    public const string DefaultPool = "default-pool";
    public const string FastPool = "fast-pool";
    public const string DefaultNetwork = "default";
    public const string IsolatedNetwork = "isolated";

    internal static void Seed(SimulatedHost host)
    {
        host.SeedPool(DefaultPool, 100UL << 30);
        host.SeedPool(FastPool, 20UL << 30);
        host.SeedNetwork(new NetworkInfo(DefaultNetwork, "virbr0", Active: true));
        host.SeedNetwork(new NetworkInfo(IsolatedNetwork, "virbr1", Active: true));
        SimulatedHost.AddVolume(host.Pool(DefaultPool), "test.img", 10UL << 30);
        host.SeedMachine(
            new MachineDefinition(
                TestMachineName,
                TestMachineUuid,
                VirtualCpus: 2,
                MemoryBytes: 2UL << 30,
                MaxMemoryBytes: 8UL << 30,
                Disks: [new DiskDefinition("vda", DefaultPool, "test.img", SourcePath: null, CapacityBytes: 10UL << 30)],
                Nics: [new NicDefinition(TestMachineMac, DefaultNetwork)],
                Description: "the simulated host's seed machine"),
            MachineRunState.Running);
    }
}
