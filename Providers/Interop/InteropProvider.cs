using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;

namespace CimCloud.Providers.Interop;

/// <summary>
/// Serves the interop classes (<see cref="InteropClassNames"/>) read-only from the <see cref="InteropModel"/>.
/// Associations are answered by the core scanning these instances (few, computed per request).
/// </summary>
public sealed class InteropProvider(InteropModel model) : IInstanceProvider
{
    public async ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var wanted = path.WithNamespace(null);
        await foreach (var instance in EnumerateInstancesAsync(context, cimClass, cancellationToken).ConfigureAwait(false))
        {
            if (instance.Path.WithNamespace(null).Equals(wanted))
                return instance;
        }

        return null;
    }

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cimClass);
        if (Is(cimClass, InteropClassNames.ElementConformsToProfile))
        {
            await foreach (var instance in model.ElementsConformingToProfiles(context, cancellationToken).ConfigureAwait(false))
                yield return instance;
            yield break;
        }

        IEnumerable<CimInstance> instances =
            Is(cimClass, InteropClassNames.RegisteredProfile) ? model.RegisteredProfiles(context)
            : Is(cimClass, InteropClassNames.ObjectManager) ? [model.ObjectManager(context)]
            : Is(cimClass, InteropClassNames.Namespace) ? model.Namespaces(context)
            : Is(cimClass, InteropClassNames.NamespaceInManager) ? model.NamespacesInManager(context)
            : Is(cimClass, InteropClassNames.ReferencedProfile) ? model.ReferencedProfiles(context)
            : [];
        foreach (var instance in instances)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return instance;
        }
    }

    public ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw ReadOnly(instance?.ClassName);

    public ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw ReadOnly(instance?.ClassName);

    public ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        throw ReadOnly(cimClass?.Name);

    private static bool Is(CimClass cimClass, string name) => string.Equals(cimClass.Name, name, StringComparison.OrdinalIgnoreCase);

    private static CimException ReadOnly(string? className) =>
        new(CimStatusCode.NotSupported, $"{className} is read-only: the interop provider computes it from the registered profiles");
}
