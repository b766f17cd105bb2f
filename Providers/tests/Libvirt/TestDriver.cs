using CimCloud.Providers.Hosts;
using CimCloud.Providers.Hosts.Libvirt;

namespace CimCloud.Providers.Tests.Libvirt;

/// <summary>Opens libvirt's in-process test driver and builds machine definitions for it.</summary>
internal static class TestDriver
{
    public const string Uri = "test:///default";
    public const string DefaultPool = "default-pool";
    public const string DefaultNetwork = "default";
    public const string SeededMachine = "test";
    public const ulong GiB = 1024UL * 1024 * 1024;

    /// <summary>A fresh test-driver host. When libvirt.so.0 is missing this fails with the apt-get install hint (never skips).</summary>
    public static IVirtualizationHost Open() => LibvirtHost.Open(Uri);

    public static CancellationToken Token => CancellationToken.None;

    public static MachineDefinition Machine(string name, params DiskDefinition[] disks) => new(
        Name: name,
        Uuid: null,
        VirtualCpus: 2,
        MemoryBytes: GiB,
        MaxMemoryBytes: 2 * GiB,
        Disks: disks,
        Nics: [new NicDefinition("52:54:00:12:34:56", DefaultNetwork)],
        Description: $"{name} for tests");

    public static async Task<DiskDefinition> NewVolumeDisk(IVirtualizationHost host, string target, string volume, ulong bytes = GiB)
    {
        await host.CreateVolumeAsync(DefaultPool, volume, bytes, Token);
        return new DiskDefinition(target, DefaultPool, volume, null, bytes);
    }

    public static async Task<VirtualMachineInfo> Seeded(IVirtualizationHost host) =>
        (await host.ListMachinesAsync(Token)).Single(m => m.Name == SeededMachine);
}
