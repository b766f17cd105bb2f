using CimCloud.Cimom.Schema;
using CimCloud.Providers.Virtualization.Devices;
using CimCloud.Providers.Virtualization.Jobs;
using CimCloud.Providers.Virtualization.Metrics;
using CimCloud.Providers.Virtualization.Network;
using CimCloud.Providers.Virtualization.Pools;
using CimCloud.Providers.Virtualization.Settings;
using CimCloud.Providers.Virtualization.Storage;
using CimCloud.Providers.Virtualization.Systems;

namespace CimCloud.Providers.Virtualization.Model;

/// <summary>Builds every instance and association of the model from one host snapshot (like libvirt-cim, nothing is stored).</summary>
internal static class ModelBuilder
{
    public static VirtualizationModel Build(CimSchema schema, VirtualizationOptions options, HostSnapshot snapshot, IReadOnlyList<JobRecord> jobs,
        RequestedStates requested, DateTimeOffset now)
    {
        var paths = new ModelPaths(options.Namespace);
        var context = new BuildContext(new ModelWriter(schema, paths.Namespace), paths, snapshot, options, jobs, requested, now);
        SystemsBuilder.Build(context);
        PoolsBuilder.Build(context);
        AllocationTemplatesBuilder.Build(context);
        SettingsBuilder.Build(context);
        DevicesBuilder.Build(context);
        StorageBuilder.Build(context);
        NetworkBuilder.Build(context);
        JobsBuilder.Build(context);
        MetricsBuilder.Build(context);
        return context.W.Model;
    }
}
