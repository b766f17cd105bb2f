using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;
using CimCloud.Providers.Virtualization.Jobs;
using CimCloud.Providers.Virtualization.Systems;

namespace CimCloud.Providers.Virtualization.Model;

/// <summary>
/// Serves every class of the model (instances and, through the core's scan, associations) from the model
/// built over the host snapshot. The instances are read-only: clients change them through the methods
/// (DefineSystem, RequestStateChange, ...), so intrinsic create/modify/delete answer CIM_ERR_NOT_SUPPORTED.
/// </summary>
internal sealed class ModelInstanceProvider(HostSnapshotCache cache, JobStore jobs, RequestedStates requested) : IInstanceProvider
{
    public async ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(context, cancellationToken).ConfigureAwait(false);
        return model.Find(path);
    }

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var model = await ModelAsync(context, cancellationToken).ConfigureAwait(false);
        foreach (var instance in model.InstancesOf(cimClass.Name))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return instance;
        }
    }

    public ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw ReadOnly(instance.ClassName, "DefineSystem, AddResourceSettings or CreateResourceInPool");

    public ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw ReadOnly(instance.ClassName, "ModifySystemSettings or ModifyResourceSettings");

    public ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        throw ReadOnly(cimClass.Name, "DestroySystem, RemoveResourceSettings or DeleteResourceInPool");

    private ValueTask<VirtualizationModel> ModelAsync(ProviderContext context, CancellationToken cancellationToken) =>
        cache.GetModelAsync(context.Schema, jobs, requested, cancellationToken);

    private static CimException ReadOnly(string className, string instead) =>
        new(CimStatusCode.NotSupported, $"instances of {className} reflect the virtualization host and cannot be changed directly; use {instead}");
}
