using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Providers.Interop;
using CimCloud.Providers.Virtualization.Metrics;
using CimCloud.Providers.Virtualization.Model;

namespace CimCloud.Providers.Virtualization.Profiles;

/// <summary>
/// The DMTF profiles the virtualization providers implement, for the interop provider: System
/// Virtualization (central: the host) referencing Virtual System (the VMs), Resource Allocation per
/// resource type and the resource-virtualization profiles (the pools), Allocation Capabilities and Base Metrics.
/// </summary>
internal sealed class VirtualizationProfiles(HostSnapshotCache cache, VirtualizationOptions options) : IRegisteredProfileSource
{
    public const string SystemVirtualization = "CIM:DSP1042-SystemVirtualization-1.0.0";
    public const string VirtualSystem = "CIM:DSP1057-VirtualSystem-1.0.0";
    public const string AllocationCapabilities = "CIM:DSP1043-AllocationCapabilities-1.0.0";
    public const string ProcessorAllocation = "CIM:DSP1041-ResourceAllocation-1.1.0_proc";
    public const string MemoryAllocation = "CIM:DSP1041-ResourceAllocation-1.1.0_mem";
    public const string DiskAllocation = "CIM:DSP1041-ResourceAllocation-1.1.0_disk";
    public const string NetworkAllocation = "CIM:DSP1041-ResourceAllocation-1.1.0_net";
    public const string ProcessorVirtualization = "CIM:DSP1044-ProcessorResourceVirtualization-1.0.0";
    public const string MemoryVirtualization = "CIM:DSP1045-MemoryResourceVirtualization-1.0.0";
    public const string StorageVirtualization = "CIM:DSP1047-StorageResourceVirtualization-1.0.0";
    public const string EthernetVirtualization = "CIM:DSP1050-EthernetPortResourceVirtualization-1.0.0";
    public const string BaseMetrics = "CIM:DSP1053-BaseMetrics-1.0.0";

    private const ushort Dmtf = 2;

    private readonly ModelPaths _paths = new(options.Namespace);

    public IReadOnlyList<RegisteredProfileDescription> Profiles { get; } =
    [
        new(SystemVirtualization, "System Virtualization", "1.0.0", Dmtf,
            [VirtualSystem, AllocationCapabilities, ProcessorAllocation, MemoryAllocation, DiskAllocation, NetworkAllocation,
             ProcessorVirtualization, MemoryVirtualization, StorageVirtualization, EthernetVirtualization, BaseMetrics]),
        new(VirtualSystem, "Virtual System", "1.0.0", Dmtf, []),
        new(AllocationCapabilities, "Allocation Capabilities", "1.0.0", Dmtf, []),
        new(ProcessorAllocation, "Resource Allocation", "1.1.0", Dmtf, []),
        new(MemoryAllocation, "Resource Allocation", "1.1.0", Dmtf, []),
        new(DiskAllocation, "Resource Allocation", "1.1.0", Dmtf, []),
        new(NetworkAllocation, "Resource Allocation", "1.1.0", Dmtf, []),
        new(ProcessorVirtualization, "Processor Resource Virtualization", "1.0.0", Dmtf, [ProcessorAllocation]),
        new(MemoryVirtualization, "Memory Resource Virtualization", "1.0.0", Dmtf, [MemoryAllocation]),
        new(StorageVirtualization, "Storage Resource Virtualization", "1.0.0", Dmtf, [DiskAllocation]),
        new(EthernetVirtualization, "Ethernet Port Resource Virtualization", "1.0.0", Dmtf, [NetworkAllocation]),
        new(BaseMetrics, "Base Metrics", "1.0.0", Dmtf, []),
    ];

    public async IAsyncEnumerable<CimObjectPath> GetConformingElementsAsync(string profileInstanceId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var s = await cache.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        IEnumerable<CimObjectPath> elements = profileInstanceId switch
        {
            SystemVirtualization => [_paths.Host(s.Host.Name)],
            VirtualSystem => s.Machines.Select(m => _paths.Machine(m.Uuid)),
            ProcessorAllocation or ProcessorVirtualization => [_paths.Pool(ObjectIds.ProcessorPool)],
            MemoryAllocation or MemoryVirtualization => [_paths.Pool(ObjectIds.MemoryPool)],
            DiskAllocation or StorageVirtualization => s.StoragePools.Select(p => _paths.Pool(ObjectIds.DiskPool(p.Name))),
            NetworkAllocation or EthernetVirtualization => s.Networks.Select(n => _paths.Pool(ObjectIds.NetworkPool(n.Name))),
            AllocationCapabilities => PoolIds(s).Select(id => _paths.ByInstanceId(VirtualizationClasses.AllocationCapabilities, ObjectIds.PoolCapabilities(id))),
            BaseMetrics => MetricKind.All.Select(k => _paths.MetricDefinition(k.Id)),
            _ => [],
        };
        foreach (var element in elements)
            yield return element;
    }

    private static IEnumerable<string> PoolIds(HostSnapshot s) =>
        [ObjectIds.ProcessorPool, ObjectIds.MemoryPool, .. s.StoragePools.Select(p => ObjectIds.DiskPool(p.Name)),
         .. s.Networks.Select(n => ObjectIds.NetworkPool(n.Name))];
}
