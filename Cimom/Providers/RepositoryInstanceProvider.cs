using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Providers;

/// <summary>
/// The default provider: instances stored in the namespace's repository store; associations through
/// the store's reverse index (no scan of the association instances).
/// </summary>
public sealed class RepositoryInstanceProvider : IInstanceProvider, IAssociationProvider
{
    public ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Namespace.FindInstance(path));
    }

    public IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cimClass);
        return new SyncAsyncEnumerable<CimInstance>(context.Namespace.EnumerateInstances(cimClass.Name), cancellationToken);
    }

    public ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Namespace.AddInstance(instance));
    }

    public ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Namespace.ReplaceInstance(instance);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Namespace.RemoveInstance(path));
    }

    public IAsyncEnumerable<CimInstance> ReferencesAsync(ProviderContext context, CimClass associationClass, CimObjectPath source,
        CimClass sourceClass, string? role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(associationClass);
        return new SyncAsyncEnumerable<CimInstance>(
            context.Namespace.FindReferrers(source, sourceClass, associationClass.Name, role), cancellationToken);
    }
}
