using CimCloud.Cimom.Model;
using CimCloud.Cimom.Repository.Journal;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Repository;

/// <summary>
/// One namespace: an immutable schema snapshot (readers never block) and the stored instances.
/// Every write — schema change, instance create/modify/delete, compiler commit — runs under one
/// per-namespace lock, so a class can never lose its definition while instances are being stored.
/// Instance writes only hold the lock for the check-and-insert; copying and key building happen before.
/// With a journal attached to the repository, each write is journaled under that lock after its checks and before it
/// is applied, so journal order is apply order and a write is durable before it is visible or acknowledged.
/// </summary>
public sealed class CimNamespace
{
    private readonly Lock _writeLock = new();
    private readonly InstanceStore _store = new();
    private readonly CimRepository? _owner;
    private volatile CimSchema _schema;
    private bool _deleted;

    internal CimNamespace(string name, CimSchema schema, CimRepository? owner = null)
    {
        Name = name;
        _schema = schema;
        _owner = owner;
    }

    /// <summary>Normalized name, e.g. <c>root/cimv2</c>.</summary>
    public string Name { get; }

    /// <summary>The current schema snapshot.</summary>
    public CimSchema Schema => _schema;

    /// <summary>Number of stored instances (all classes).</summary>
    public int InstanceCount => _store.Count;

    /// <summary>No class and no stored instance (qualifier types do not count).</summary>
    public bool IsEmpty => _schema.ClassCount == 0 && _store.Count == 0;

    /// <summary>
    /// Replaces the schema with <paramref name="update"/>(current), serialized with every other write. Throws
    /// CimException(ClassHasInstances) when the new schema drops or redefines a class that has stored instances.
    /// </summary>
    public CimSchema UpdateSchema(Func<CimSchema, CimSchema> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_writeLock)
        {
            EnsureAlive();
            var current = _schema;
            var next = update(current);
            if (ReferenceEquals(next, current))
                return current;
            EnsureInstancesKeepTheirClasses(current, next);
            if (_owner?.Journal is { } journal)
                journal.Write(SchemaChanges.Between(Name, current, next));
            _schema = next;
            foreach (var name in _store.ClassNames())
            {
                if (next.FindClass(name) is null)
                    _store.DropEmpty(name);
            }

            return next;
        }
    }

    /// <summary>
    /// The MOF compiler's all-or-nothing commit: the schema must still be <paramref name="basis"/> (else
    /// CimException Failed); every instance must be of its class in <paramref name="updated"/>, concrete, keyed,
    /// and new (AlreadyExists naming the path). Then the schema is published and the instances stored.
    /// </summary>
    public void Commit(CimSchema basis, CimSchema updated, IReadOnlyList<CimInstance> newInstances)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(newInstances);
        var prepared = new List<(object Key, CimInstance Instance)>(newInstances.Count);
        var batch = new HashSet<(string, object)>(BatchKeyComparer.Instance);
        foreach (var instance in newInstances)
        {
            if (!ReferenceEquals(updated.FindClass(instance.ClassName), instance.Class))
                throw new CimException(CimStatusCode.InvalidClass, $"instance of {instance.ClassName}: the class is not part of the committed schema of namespace {Name}");
            var stored = StoredInstances.Prepare(instance, updated, Name);
            var key = InstanceKeys.KeyOf(stored);
            if (!batch.Add((stored.ClassName, key)))
                throw AlreadyExists(stored);
            prepared.Add((key, stored));
        }

        lock (_writeLock)
        {
            EnsureAlive();
            if (!ReferenceEquals(_schema, basis))
                throw new CimException(CimStatusCode.Failed, $"namespace {Name} changed during compile; compile again");
            EnsureInstancesKeepTheirClasses(basis, updated);
            foreach (var (key, stored) in prepared)
            {
                if (_store.Find(stored.ClassName, key) is not null)
                    throw AlreadyExists(stored);
            }

            if (_owner?.Journal is { } journal)
            {
                var changes = SchemaChanges.Between(Name, basis, updated);
                changes.AddRange(prepared.Select(p => new InstanceSaved(Name, p.Instance)));
                journal.Write(changes);
            }

            _schema = updated;
            foreach (var (key, stored) in prepared)
                _store.TryAdd(key, stored, Name);
        }
    }

    /// <summary>A stored instance by its normalized path (see <see cref="InstancePathNormalizer"/>), or null.</summary>
    public CimInstance? FindInstance(CimObjectPath normalizedPath)
    {
        ArgumentNullException.ThrowIfNull(normalizedPath);
        return _schema.FindClass(normalizedPath.ClassName) is { } cimClass && InstanceKeys.KeyOf(cimClass, normalizedPath) is { } key
            ? _store.Find(cimClass.Name, key)
            : null;
    }

    /// <summary>Streams the stored instances of exactly this class (no subclasses).</summary>
    public IEnumerable<CimInstance> EnumerateInstances(string className) => _store.Enumerate(className);

    public int CountInstances(string className) => _store.CountOf(className);

    /// <summary>
    /// Stores a frozen copy (namespace set, reference values normalized). InvalidClass when the instance's
    /// class is not the namespace's current definition; InvalidParameter for abstract classes and missing
    /// keys; AlreadyExists for a duplicate. Returns the new instance's path.
    /// </summary>
    public CimObjectPath AddInstance(CimInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var stored = StoredInstances.Prepare(instance, _schema, Name);
        var key = InstanceKeys.KeyOf(stored);
        lock (_writeLock)
        {
            EnsureCurrentClass(instance.Class);
            if (_store.Find(stored.ClassName, key) is not null)
                throw AlreadyExists(stored);
            _owner?.Journal?.Write([new InstanceSaved(Name, stored)]);
            if (!_store.TryAdd(key, stored, Name))
                throw AlreadyExists(stored);
        }

        return InstanceKeys.PathOf(stored, Name);
    }

    /// <summary>Replaces the stored instance with the same path (NotFound when there is none).</summary>
    public CimObjectPath ReplaceInstance(CimInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var stored = StoredInstances.Prepare(instance, _schema, Name);
        var key = InstanceKeys.KeyOf(stored);
        lock (_writeLock)
        {
            EnsureCurrentClass(instance.Class);
            if (_store.Find(stored.ClassName, key) is null)
                throw new CimException(CimStatusCode.NotFound, $"instance {InstanceKeys.PathOf(stored, Name)} does not exist");
            _owner?.Journal?.Write([new InstanceSaved(Name, stored)]);
            if (_store.Replace(key, stored, Name) is null)
                throw new CimException(CimStatusCode.NotFound, $"instance {InstanceKeys.PathOf(stored, Name)} does not exist");
        }

        return InstanceKeys.PathOf(stored, Name);
    }

    /// <summary>Removes the instance with this normalized path; false when there is none.</summary>
    public bool RemoveInstance(CimObjectPath normalizedPath)
    {
        ArgumentNullException.ThrowIfNull(normalizedPath);
        lock (_writeLock)
        {
            EnsureAlive();
            if (_schema.FindClass(normalizedPath.ClassName) is not { } cimClass || InstanceKeys.KeyOf(cimClass, normalizedPath) is not { } key
                || _store.Find(cimClass.Name, key) is not { } existing)
            {
                return false;
            }

            _owner?.Journal?.Write([new InstanceDeleted(Name, InstanceKeys.PathOf(existing, Name))]);
            return _store.Remove(cimClass.Name, key, Name) is not null;
        }
    }

    /// <summary>
    /// Stored association instances that refer to the object at <paramref name="normalizedSource"/> (an
    /// instance of <paramref name="sourceClass"/>), through the reverse index. A reference naming the
    /// source by a keyed superclass matches too. Optionally only of one association class (exactly) and role.
    /// </summary>
    public IEnumerable<CimInstance> FindReferrers(CimObjectPath normalizedSource, CimClass sourceClass, string? associationClassName = null,
        string? role = null)
    {
        ArgumentNullException.ThrowIfNull(normalizedSource);
        ArgumentNullException.ThrowIfNull(sourceClass);
        var seen = new HashSet<Referrer>();
        for (var c = sourceClass; c is { IsKeyed: true }; c = c.SuperClass)
        {
            var target = InstancePathNormalizer.WithClass(normalizedSource, c);
            foreach (var referrer in _store.References.Find(ReferenceIndex.TargetKey(target, Name)))
            {
                if (associationClassName is not null && !string.Equals(referrer.ClassName, associationClassName, StringComparison.OrdinalIgnoreCase))
                    continue;
                if (role is not null && !string.Equals(referrer.Role, role, StringComparison.OrdinalIgnoreCase))
                    continue;
                if (!seen.Add(referrer with { Role = string.Empty }))
                    continue;
                if (_store.Find(referrer.ClassName, referrer.InstanceKey) is { } association)
                    yield return association;
            }
        }
    }

    internal void MarkDeleted(IRepositoryJournal? journal)
    {
        lock (_writeLock)
        {
            if (!IsEmpty)
            {
                throw new CimException(CimStatusCode.NamespaceNotEmpty,
                    $"namespace {Name} is not empty ({_schema.ClassCount} classes, {_store.Count} instances)");
            }

            journal?.Write([new NamespaceDeleted(Name)]);
            _deleted = true;
        }
    }

    private void EnsureAlive()
    {
        if (_deleted)
            throw new CimException(CimStatusCode.InvalidNamespace, $"namespace {Name} has been deleted");
    }

    private void EnsureCurrentClass(CimClass cimClass)
    {
        EnsureAlive();
        var current = _schema.FindClass(cimClass.Name);
        if (current is null)
            throw new CimException(CimStatusCode.InvalidClass, $"class {cimClass.Name} does not exist in namespace {Name}");
        if (!ReferenceEquals(current, cimClass))
            throw new CimException(CimStatusCode.InvalidClass, $"class {cimClass.Name} in namespace {Name} has been redefined; build the instance from the current class");
    }

    private void EnsureInstancesKeepTheirClasses(CimSchema current, CimSchema next)
    {
        foreach (var name in _store.ClassesWithInstances())
        {
            if (!ReferenceEquals(current.FindClass(name), next.FindClass(name)))
                throw new CimException(CimStatusCode.ClassHasInstances, $"class {name} in namespace {Name} has instances");
        }
    }

    private CimException AlreadyExists(CimInstance stored) =>
        new(CimStatusCode.AlreadyExists, $"instance {InstanceKeys.PathOf(stored, Name)} already exists");
}
