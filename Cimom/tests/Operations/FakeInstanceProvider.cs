using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;

namespace CimCloud.Cimom.Tests.Operations;

/// <summary>An in-memory instance provider (keys compared by path), counting the classes it was asked to enumerate.</summary>
internal sealed class FakeInstanceProvider : IInstanceProvider
{
    private readonly Dictionary<CimObjectPath, CimInstance> _items = [];

    public List<string> EnumeratedClasses { get; } = [];

    public void Add(CimInstance instance) => _items[instance.Path.WithNamespace(null)] = instance.Clone().Freeze();

    public ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_items.GetValueOrDefault(path.WithNamespace(null)));

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        EnumeratedClasses.Add(cimClass.Name);
        await Task.Yield();
        foreach (var instance in _items.Values.Where(i => i.ClassName == cimClass.Name).ToList())
            yield return instance;
    }

    public ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken)
    {
        Add(instance);
        return ValueTask.FromResult(InstancePathNormalizer.Normalize(instance.Class, instance.Path, context.NamespaceName));
    }

    public ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken)
    {
        Add(instance);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_items.Remove(path.WithNamespace(null)));
}
