using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Operations;

/// <summary>
/// <see cref="ICimOperations"/> over the repository and the provider registry: checks arguments and
/// schema rules, routes instance work to whichever provider serves each class, and streams results.
/// Thread-safe (all state lives in the repository and the registry). The operations are split by
/// concern over the partial files CimOperations.*.cs.
/// </summary>
public sealed partial class CimOperations : ICimOperations
{
    private readonly CimRepository _repository;
    private readonly ProviderRegistry _providers;
    private readonly ConditionalWeakTable<CimSchema, CimClass[]> _associationClasses = [];
    private readonly InstanceWriteLocks _instanceLocks = new();

    public CimOperations(CimRepository repository, ProviderRegistry providers)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(providers);
        _repository = repository;
        _providers = providers;
    }

    public CimRepository Repository => _repository;

    public ProviderRegistry Providers => _providers;

    private static void Begin(CimOperationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        context.ThrowIfExpired();
    }

    private static void Step(CimOperationContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        context.ThrowIfExpired();
    }

    private CimNamespace Namespace(string? name) =>
        string.IsNullOrEmpty(name)
            ? throw new CimException(CimStatusCode.InvalidNamespace, "no namespace given")
            : _repository.GetNamespace(name);

    private static ProviderContext ContextFor(CimNamespace ns, CimOperationContext context) => new(ns, ns.Schema, context);

    private static CimClass ClassOrInvalid(CimSchema schema, string className, string @namespace) =>
        schema.FindClass(className) ?? throw new CimException(CimStatusCode.InvalidClass, $"class {className} does not exist in namespace {@namespace}");

    /// <summary>The result form of an instance: in its namespace, frozen, projected by <paramref name="mask"/>.</summary>
    private static CimInstance Finish(CimInstance instance, string @namespace, bool[]? mask)
    {
        if (!string.Equals(instance.Namespace, @namespace, StringComparison.Ordinal))
            instance = instance.WithNamespace(@namespace);
        return instance.ProjectWithMask(mask);
    }
}
