using System.Collections.Concurrent;
using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Providers;

/// <summary>
/// Which provider serves a class. Providers are registered per namespace and class name; a lookup
/// walks up the class hierarchy, so a provider serves the subclasses of its class unless one is
/// registered for a subclass. Classes nobody registered for are served by the repository.
/// Thread-safe; lookups take no lock.
/// </summary>
public sealed class ProviderRegistry
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ProviderEntry>> _byNamespace =
        new(StringComparer.OrdinalIgnoreCase);

    private readonly Lock _gate = new();
    private volatile bool _any;

    public ProviderRegistry(IEnumerable<ProviderRegistration>? registrations = null)
    {
        foreach (var registration in registrations ?? [])
            Register(registration);
    }

    /// <summary>The default provider (the repository store).</summary>
    public RepositoryInstanceProvider Repository { get; } = new();

    public void Register(ProviderRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        Register(registration.Namespace, registration.ClassName, registration.Provider);
    }

    /// <summary>
    /// Registers <paramref name="provider"/> for every provider interface it implements. A second provider
    /// of the same kind for the same class is a configuration error (InvalidOperationException).
    /// </summary>
    public void Register(string @namespace, string className, object provider)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(className);
        ArgumentNullException.ThrowIfNull(provider);
        var instance = provider as IInstanceProvider;
        var method = provider as IMethodProvider;
        var association = provider as IAssociationProvider;
        if (instance is null && method is null && association is null)
        {
            throw new ArgumentException(
                $"{provider.GetType().Name} implements none of IInstanceProvider, IMethodProvider, IAssociationProvider", nameof(provider));
        }

        lock (_gate)
        {
            var classes = _byNamespace.GetOrAdd(CimObjectPath.NormalizeNamespace(@namespace),
                static _ => new ConcurrentDictionary<string, ProviderEntry>(StringComparer.OrdinalIgnoreCase));
            var entry = classes.GetValueOrDefault(className) ?? ProviderEntry.None;
            if ((instance is not null && entry.Instance is not null) || (method is not null && entry.Method is not null)
                || (association is not null && entry.Association is not null))
            {
                throw new InvalidOperationException($"a provider of that kind is already registered for {className} in namespace {@namespace}");
            }

            var merged = new ProviderEntry(entry.Instance ?? instance, entry.Method ?? method, entry.Association ?? association);
            if (merged is { Association: null, Instance: { } served })
                merged = merged with { Scanner = new ScanningAssociationProvider(served) };
            classes[className] = merged;
            _any = true;
        }
    }

    public void RegisterInstanceProvider(string @namespace, string className, IInstanceProvider provider) =>
        Register(@namespace, className, (object)provider);

    public void RegisterMethodProvider(string @namespace, string className, IMethodProvider provider) =>
        Register(@namespace, className, (object)provider);

    public void RegisterAssociationProvider(string @namespace, string className, IAssociationProvider provider) =>
        Register(@namespace, className, (object)provider);

    /// <summary>The provider serving the instances of <paramref name="cimClass"/>: the nearest registered one up the hierarchy, else the repository.</summary>
    public IInstanceProvider GetInstanceProvider(string @namespace, CimClass cimClass) =>
        Find(@namespace, cimClass, static e => e.Instance) ?? Repository;

    /// <summary>The method provider of the class or its nearest ancestor that has one; null when there is none.</summary>
    public IMethodProvider? FindMethodProvider(string @namespace, CimClass cimClass) =>
        Find(@namespace, cimClass, static e => e.Method);

    /// <summary>
    /// Who computes the references of an association class: the nearest registration up the hierarchy
    /// decides — its association provider, else a scan of its instance provider; the repository's index otherwise.
    /// </summary>
    public IAssociationProvider GetAssociationProvider(string @namespace, CimClass associationClass) =>
        Find(@namespace, associationClass, static e => e.Association ?? e.Scanner) ?? Repository;

    private T? Find<T>(string @namespace, CimClass cimClass, Func<ProviderEntry, T?> select)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(@namespace);
        ArgumentNullException.ThrowIfNull(cimClass);
        if (!_any || !_byNamespace.TryGetValue(CimObjectPath.NormalizeNamespace(@namespace), out var classes))
            return null;
        for (var c = cimClass; c is not null; c = c.SuperClass)
        {
            if (classes.TryGetValue(c.Name, out var entry) && select(entry) is { } found)
                return found;
        }

        return null;
    }
}
