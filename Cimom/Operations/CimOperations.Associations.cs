using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Operations;

/// <summary>
/// Associations (DSP0200): everything is built on "which association instances refer to the source",
/// asked per association class of whichever provider serves it (the repository answers from its
/// reverse index). AssocClass/ResultClass match subclasses too; roles compare case-insensitively.
/// </summary>
public sealed partial class CimOperations
{
    public IAsyncEnumerable<CimInstance> AssociatorsAsync(CimOperationContext context, CimObjectPath objectName, AssociatorsOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        var o = options ?? AssociatorsOptions.Default;
        var request = PrepareAssociation(context, objectName, o.AssocClass, o.ResultClass, o.Role, o.ResultRole);
        return AssociatorsCore(request, new PropertyMasks(o.PropertyList), cancellationToken);
    }

    public IAsyncEnumerable<CimObjectPath> AssociatorNamesAsync(CimOperationContext context, CimObjectPath objectName,
        AssociatorsOptions? options = null, CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        var o = options ?? AssociatorsOptions.Default;
        var request = PrepareAssociation(context, objectName, o.AssocClass, o.ResultClass, o.Role, o.ResultRole);
        return AssociatorNamesCore(request, cancellationToken);
    }

    public IAsyncEnumerable<CimInstance> ReferencesAsync(CimOperationContext context, CimObjectPath objectName, ReferencesOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        var o = options ?? ReferencesOptions.Default;
        var request = PrepareAssociation(context, objectName, o.ResultClass, null, o.Role, null);
        return ReferencesCore(request, new PropertyMasks(o.PropertyList), cancellationToken);
    }

    public IAsyncEnumerable<CimObjectPath> ReferenceNamesAsync(CimOperationContext context, CimObjectPath objectName,
        ReferencesOptions? options = null, CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        var o = options ?? ReferencesOptions.Default;
        var request = PrepareAssociation(context, objectName, o.ResultClass, null, o.Role, null);
        return ReferenceNamesCore(request, cancellationToken);
    }

    private AssociationRequest PrepareAssociation(CimOperationContext context, CimObjectPath objectName, string? assocClass, string? resultClass,
        string? role, string? resultRole)
    {
        ArgumentNullException.ThrowIfNull(objectName);
        var ns = Namespace(objectName.Namespace);
        var pc = ContextFor(ns, context);
        var sourceClass = ClassOrInvalid(pc.Schema, objectName.ClassName, ns.Name);
        if (objectName.IsClassPath)
        {
            throw new CimException(CimStatusCode.NotSupported,
                $"association operations on a class ({sourceClass.Name}) are not supported; give an instance path");
        }

        var source = InstancePathNormalizer.Normalize(sourceClass, objectName.Host is null ? objectName : objectName.WithHost(null), ns.Name, pc.Schema);
        return new AssociationRequest(pc, sourceClass, source, FilterClass(pc, assocClass), FilterClass(pc, resultClass),
            NullIfEmpty(role), NullIfEmpty(resultRole));
    }

    private static CimClass? FilterClass(ProviderContext pc, string? className) =>
        string.IsNullOrEmpty(className) ? null
            : pc.Schema.FindClass(className)
              ?? throw new CimException(CimStatusCode.InvalidParameter, $"filter class {className} does not exist in namespace {pc.NamespaceName}");

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private async IAsyncEnumerable<CimInstance> ReferencesCore(AssociationRequest request, PropertyMasks masks,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (association, _) in ReferrersAsync(request, cancellationToken))
            yield return Finish(association, request.Context.NamespaceName, masks.For(association.Class));
    }

    private async IAsyncEnumerable<CimObjectPath> ReferenceNamesCore(AssociationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (association, _) in ReferrersAsync(request, cancellationToken))
            yield return InstanceKeys.PathOf(association, request.Context.NamespaceName);
    }

    private async IAsyncEnumerable<CimInstance> AssociatorsCore(AssociationRequest request, PropertyMasks masks,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var far in AssociatedAsync(request, cancellationToken))
            yield return Finish(far.Instance, far.Namespace, masks.For(far.Class));
    }

    private async IAsyncEnumerable<CimObjectPath> AssociatorNamesCore(AssociationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var far in AssociatedAsync(request, cancellationToken))
            yield return far.Path;
    }

    /// <summary>
    /// Association instances referring to the source (through Role when given), of AssocClass or a
    /// subclass, each with the roles the source plays in it.
    /// </summary>
    private async IAsyncEnumerable<(CimInstance Association, string[] SourceRoles)> ReferrersAsync(AssociationRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pc = request.Context;
        var located = await LocateAsync(pc, request.SourceClass, request.Source, cancellationToken) ?? throw NotFound(request.Source);
        foreach (var associationClass in AssociationClasses(pc.Schema))
        {
            if ((request.AssocClass is not null && !associationClass.IsSubclassOf(request.AssocClass.Name))
                || !CanRefer(associationClass, located.Class, request.Role))
            {
                continue;
            }

            var provider = _providers.GetAssociationProvider(pc.NamespaceName, associationClass);
            await foreach (var association in provider.ReferencesAsync(pc, associationClass, located.Path, located.Class, request.Role, cancellationToken))
            {
                Step(pc.Operation, cancellationToken);
                var roles = ReferenceMatcher.RolesOf(association, located.Path, located.Class, pc.Schema, pc.NamespaceName)
                    .Select(p => p.Name)
                    .Where(name => request.Role is null || string.Equals(name, request.Role, StringComparison.OrdinalIgnoreCase))
                    .ToArray();
                if (roles.Length > 0)
                    yield return (association, roles);
            }
        }
    }

    /// <summary>
    /// The objects at the other ends of the referring associations: reached through a reference other than
    /// one the source plays (named ResultRole when given), of ResultClass or a subclass, each once.
    /// </summary>
    private async IAsyncEnumerable<LocatedInstance> AssociatedAsync(AssociationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (association, sourceRoles) in ReferrersAsync(request, cancellationToken))
        {
            foreach (var (property, value) in association.Properties)
            {
                if (!property.DataType.IsReference
                    || (request.ResultRole is not null && !string.Equals(property.Name, request.ResultRole, StringComparison.OrdinalIgnoreCase))
                    || !Array.Exists(sourceRoles, role => !string.Equals(role, property.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                foreach (var target in Targets(value))
                {
                    var far = await LocateAnywhereAsync(request.Context, target, cancellationToken);
                    if (far is null || (request.ResultClass is not null && !far.Class.IsSubclassOf(request.ResultClass.Name)))
                        continue;
                    if (seen.Add(far.Path.CanonicalForm))
                        yield return far;
                }
            }
        }
    }

    private static IEnumerable<CimObjectPath> Targets(object? value) => value switch
    {
        CimObjectPath path => [path],
        CimObjectPath?[] paths => paths.OfType<CimObjectPath>(),
        _ => [],
    };

    /// <summary>The object a reference names, in this or another namespace of the repository; null when it does not resolve.</summary>
    private async ValueTask<LocatedInstance?> LocateAnywhereAsync(ProviderContext home, CimObjectPath target, CancellationToken cancellationToken)
    {
        var pc = home;
        if (target.Namespace is not null && !string.Equals(target.Namespace, home.NamespaceName, StringComparison.OrdinalIgnoreCase))
        {
            if (_repository.FindNamespace(target.Namespace) is not { } other)
                return null;
            pc = ContextFor(other, home.Operation);
        }

        if (pc.Schema.FindClass(target.ClassName) is not { IsKeyed: true } cimClass)
            return null;
        CimObjectPath path;
        try
        {
            path = InstancePathNormalizer.Normalize(cimClass, target.Host is null ? target : target.WithHost(null), pc.NamespaceName, pc.Schema);
        }
        catch (CimException)
        {
            return null;
        }

        return await LocateAsync(pc, cimClass, path, cancellationToken);
    }

    /// <summary>The concrete association classes of a schema snapshot (computed once per snapshot).</summary>
    private CimClass[] AssociationClasses(CimSchema schema) =>
        _associationClasses.GetValue(schema, static s => s.Classes.Where(c => c.IsAssociation && !c.IsAbstract).ToArray());

    /// <summary>The association class has a reference (named <paramref name="role"/> when given) that can hold an instance of <paramref name="sourceClass"/>.</summary>
    private static bool CanRefer(CimClass associationClass, CimClass sourceClass, string? role)
    {
        foreach (var p in associationClass.Properties)
        {
            if (p.DataType.IsReference && p.ReferenceClassName is { } target && sourceClass.IsSubclassOf(target)
                && (role is null || string.Equals(p.Name, role, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
