using CimCloud.Cimom.Model;
using CimCloud.Providers.Virtualization.Jobs;
using CimCloud.Providers.Virtualization.Systems;

namespace CimCloud.Providers.Virtualization.Model;

/// <summary>What the per-concern builders share while building one model.</summary>
internal sealed class BuildContext(ModelWriter writer, ModelPaths paths, HostSnapshot snapshot, VirtualizationOptions options,
    IReadOnlyList<JobRecord> jobs, RequestedStates requested, DateTimeOffset now)
{
    public ModelWriter W => writer;

    public ModelPaths Paths => paths;

    public HostSnapshot Snapshot => snapshot;

    public VirtualizationOptions Options => options;

    public IReadOnlyList<JobRecord> Jobs => jobs;

    public RequestedStates Requested => requested;

    public DateTimeOffset Now => now;

    public string HostName => snapshot.Host.Name;

    public CimObjectPath HostPath => paths.Host(HostName);

    public CimObjectPath ManagementServicePath =>
        paths.Service(VirtualizationClasses.ManagementService, HostName, ObjectIds.ManagementServiceName);

    public CimObjectPath PoolServicePath =>
        paths.Service(VirtualizationClasses.PoolConfigurationService, HostName, ObjectIds.PoolConfigurationServiceName);

    public CimObjectPath MetricServicePath => paths.Service(VirtualizationClasses.MetricService, HostName, ObjectIds.MetricServiceName);

    public CimObjectPath Pool(string poolId) => paths.Pool(poolId);
}
