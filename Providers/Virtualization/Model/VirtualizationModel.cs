using CimCloud.Cimom.Model;

namespace CimCloud.Providers.Virtualization.Model;

/// <summary>Every instance the providers serve at one moment, by class name (frozen instances).</summary>
internal sealed class VirtualizationModel
{
    private readonly Dictionary<string, List<CimInstance>> _byClass = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<CimInstance> InstancesOf(string className) =>
        _byClass.TryGetValue(className, out var list) ? list : [];

    public CimInstance? Find(CimObjectPath path)
    {
        var plain = path.WithoutHostAndNamespace();
        foreach (var instance in InstancesOf(path.ClassName))
        {
            if (instance.Path.WithoutHostAndNamespace().Equals(plain))
                return instance;
        }

        return null;
    }

    public int Count => _byClass.Values.Sum(l => l.Count);

    internal void Add(CimInstance instance)
    {
        if (!_byClass.TryGetValue(instance.ClassName, out var list))
            _byClass[instance.ClassName] = list = [];
        list.Add(instance);
    }
}
