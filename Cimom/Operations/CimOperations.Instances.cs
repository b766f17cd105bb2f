using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;

namespace CimCloud.Cimom.Operations;

public sealed partial class CimOperations
{
    public async ValueTask<CimInstance> GetInstanceAsync(CimOperationContext context, CimObjectPath instanceName,
        IReadOnlyCollection<string>? propertyList = null, CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        ArgumentNullException.ThrowIfNull(instanceName);
        var (pc, cimClass, path) = Address(context, instanceName);
        var located = await LocateAsync(pc, cimClass, path, cancellationToken) ?? throw NotFound(path);
        return Finish(located.Instance, located.Namespace, propertyList is null ? null : new PropertyMasks(propertyList).For(located.Class));
    }

    public IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(CimOperationContext context, string @namespace, string className,
        EnumerateInstancesOptions? options = null, CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        var ns = Namespace(@namespace);
        var pc = ContextFor(ns, context);
        var cimClass = ClassOrInvalid(pc.Schema, className, ns.Name);
        var o = options ?? EnumerateInstancesOptions.Default;
        return EnumerateInstancesCore(pc, cimClass, new PropertyMasks(o.PropertyList, o.DeepInheritance ? null : cimClass), cancellationToken);
    }

    public IAsyncEnumerable<CimObjectPath> EnumerateInstanceNamesAsync(CimOperationContext context, string @namespace, string className,
        CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        var ns = Namespace(@namespace);
        var pc = ContextFor(ns, context);
        return EnumerateInstanceNamesCore(pc, ClassOrInvalid(pc.Schema, className, ns.Name), cancellationToken);
    }

    public async ValueTask<CimObjectPath> CreateInstanceAsync(CimOperationContext context, CimInstance instance,
        CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        ArgumentNullException.ThrowIfNull(instance);
        var ns = Namespace(instance.Namespace);
        var pc = ContextFor(ns, context);
        var cimClass = ClassOrInvalid(pc.Schema, instance.ClassName, ns.Name);
        if (cimClass.IsAbstract)
            throw new CimException(CimStatusCode.InvalidParameter, $"class {cimClass.Name} is abstract and cannot have instances");
        if (!ReferenceEquals(cimClass, instance.Class))
            instance = InstanceRebinder.Rebind(instance, cimClass);
        var path = await _providers.GetInstanceProvider(ns.Name, cimClass).CreateInstanceAsync(pc, instance, cancellationToken);
        return path.Namespace is null ? path.WithNamespace(ns.Name) : path;
    }

    public async ValueTask ModifyInstanceAsync(CimOperationContext context, CimInstance instance, IReadOnlyCollection<string>? propertyList = null,
        CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        ArgumentNullException.ThrowIfNull(instance);
        var ns = Namespace(instance.Namespace);
        var pc = ContextFor(ns, context);
        var cimClass = ClassOrInvalid(pc.Schema, instance.ClassName, ns.Name);
        var path = InstancePathNormalizer.Normalize(cimClass, InstanceKeys.PathOf(instance, ns.Name), ns.Name, pc.Schema);
        var found = await LocateAsync(pc, cimClass, path, cancellationToken) ?? throw NotFound(path);

        // Read-modify-write under the lock of the instance's own path, so concurrent modifies do not lose updates.
        using var writeLock = await _instanceLocks.AcquireAsync(found.Path.WithNamespace(found.Namespace).CanonicalForm, cancellationToken);
        var located = await LocateAsync(pc, found.Class, found.Path, cancellationToken) ?? throw NotFound(path);
        var merged = located.Instance.Clone();
        var names = propertyList ?? instance.Properties.Select(p => p.Property.Name).ToArray();
        var sameClass = ReferenceEquals(instance.Class, located.Class);
        foreach (var name in names)
        {
            var source = instance.Class.Properties.Find(name);
            var target = located.Class.Properties.Find(name);
            if (source is null || target is null || target.IsKey)
                continue;
            var value = instance.GetValue(source.Ordinal);
            merged.SetValue(target.Ordinal, sameClass ? value : CimValueConverter.Convert(value, target.DataType));
        }

        await _providers.GetInstanceProvider(ns.Name, located.Class).ModifyInstanceAsync(pc, merged, cancellationToken);
    }

    public async ValueTask DeleteInstanceAsync(CimOperationContext context, CimObjectPath instanceName, CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        ArgumentNullException.ThrowIfNull(instanceName);
        var (pc, cimClass, path) = Address(context, instanceName);
        var located = await LocateAsync(pc, cimClass, path, cancellationToken) ?? throw NotFound(path);
        var provider = _providers.GetInstanceProvider(located.Namespace, located.Class);
        if (!await provider.DeleteInstanceAsync(pc, located.Class, located.Path, cancellationToken))
            throw NotFound(located.Path);
    }

    /// <summary>Namespace, class and normalized path of a client's instance path.</summary>
    private (ProviderContext Context, CimClass Class, CimObjectPath Path) Address(CimOperationContext context, CimObjectPath instanceName)
    {
        var ns = Namespace(instanceName.Namespace);
        var pc = ContextFor(ns, context);
        var cimClass = ClassOrInvalid(pc.Schema, instanceName.ClassName, ns.Name);
        var path = InstancePathNormalizer.Normalize(cimClass, instanceName.Host is null ? instanceName : instanceName.WithHost(null), ns.Name, pc.Schema);
        return (pc, cimClass, path);
    }

    /// <summary>
    /// Finds the instance at a normalized path: in the named class, else (a path naming a superclass) in the
    /// subclasses, each asked through the provider that serves it. Null when none has it.
    /// </summary>
    private async ValueTask<LocatedInstance?> LocateAsync(ProviderContext pc, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken)
    {
        if (!cimClass.IsAbstract)
        {
            var found = await _providers.GetInstanceProvider(pc.NamespaceName, cimClass).GetInstanceAsync(pc, cimClass, path, cancellationToken);
            if (found is not null)
                return new LocatedInstance(pc.NamespaceName, cimClass, path, found);
        }

        foreach (var subclass in pc.Schema.DescendantsOf(cimClass.Name))
        {
            if (subclass.IsAbstract)
                continue;
            var subPath = InstancePathNormalizer.WithClass(path, subclass);
            var found = await _providers.GetInstanceProvider(pc.NamespaceName, subclass).GetInstanceAsync(pc, subclass, subPath, cancellationToken);
            if (found is not null)
                return new LocatedInstance(pc.NamespaceName, subclass, subPath, found);
        }

        return null;
    }

    /// <summary>The instances of a class and all its subclasses, each class asked of the provider that serves it.</summary>
    private async IAsyncEnumerable<CimInstance> EnumerateSubtreeAsync(ProviderContext pc, CimClass cimClass,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var c in pc.Schema.DescendantsOf(cimClass.Name).Prepend(cimClass))
        {
            if (c.IsAbstract)
                continue;
            var provider = _providers.GetInstanceProvider(pc.NamespaceName, c);
            await foreach (var instance in provider.EnumerateInstancesAsync(pc, c, cancellationToken))
            {
                Step(pc.Operation, cancellationToken);
                yield return instance;
            }
        }
    }

    private async IAsyncEnumerable<CimInstance> EnumerateInstancesCore(ProviderContext pc, CimClass cimClass, PropertyMasks masks,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var instance in EnumerateSubtreeAsync(pc, cimClass, cancellationToken))
            yield return Finish(instance, pc.NamespaceName, masks.For(instance.Class));
    }

    private async IAsyncEnumerable<CimObjectPath> EnumerateInstanceNamesCore(ProviderContext pc, CimClass cimClass,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var instance in EnumerateSubtreeAsync(pc, cimClass, cancellationToken))
            yield return InstanceKeys.PathOf(instance, pc.NamespaceName);
    }

    private static CimException NotFound(CimObjectPath path) => new(CimStatusCode.NotFound, $"instance {path} does not exist");
}
