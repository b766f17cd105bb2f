using CimCloud.Providers.Hosts;
using CimCloud.Providers.Virtualization.Jobs;
using CimCloud.Providers.Virtualization.Management;
using CimCloud.Providers.Virtualization.Model;
using CimCloud.Providers.Virtualization.Profiles;
using CimCloud.Providers.Virtualization.Storage;
using CimCloud.Providers.Virtualization.Systems;
using Microsoft.Extensions.Logging;

namespace CimCloud.Providers.Virtualization;

/// <summary>The providers over one host, wired together (one per container; shared snapshot cache, jobs and requested states).</summary>
internal sealed class VirtualizationRuntime
{
    public VirtualizationRuntime(IVirtualizationHost host, VirtualizationOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        Options = options;
        Cache = new HostSnapshotCache(host, options, time);
        Jobs = new JobStore(options, time);
        Requested = new RequestedStates();
        var runner = new JobRunner(options, Jobs, Cache, time, loggers.CreateLogger<JobRunner>());
        Instances = new ModelInstanceProvider(Cache, Jobs, Requested);
        StateChanges = new StateChangeProvider(Cache, runner, Requested, loggers.CreateLogger<StateChangeProvider>());
        Management = new VirtualSystemManagementProvider(Cache, runner, Requested, options, loggers.CreateLogger<VirtualSystemManagementProvider>());
        PoolConfiguration = new PoolConfigurationProvider(Cache, runner, options, loggers.CreateLogger<PoolConfigurationProvider>());
        Profiles = new VirtualizationProfiles(Cache, options);
    }

    public VirtualizationOptions Options { get; }

    public HostSnapshotCache Cache { get; }

    public JobStore Jobs { get; }

    public RequestedStates Requested { get; }

    public ModelInstanceProvider Instances { get; }

    public StateChangeProvider StateChanges { get; }

    public VirtualSystemManagementProvider Management { get; }

    public PoolConfigurationProvider PoolConfiguration { get; }

    public VirtualizationProfiles Profiles { get; }
}
