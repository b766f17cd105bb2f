using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Security;

public sealed partial class SecuredCimOperations
{
    // Namespaces

    public IAsyncEnumerable<string> EnumerateNamespacesAsync(CimOperationContext context, CancellationToken cancellationToken = default)
    {
        // Every user may list namespaces; what is inside each is checked per operation.
        Demand(context, "EnumerateNamespaces", null, null, CimAccess.Read, anyNamespace: true);
        return _inner.EnumerateNamespacesAsync(context, cancellationToken);
    }

    public ValueTask CreateNamespaceAsync(CimOperationContext context, string @namespace, CancellationToken cancellationToken = default) =>
        ChangeAsync(context, "CreateNamespace", @namespace, null, CimAccess.Schema, () => _inner.CreateNamespaceAsync(context, @namespace, cancellationToken));

    public ValueTask DeleteNamespaceAsync(CimOperationContext context, string @namespace, CancellationToken cancellationToken = default) =>
        ChangeAsync(context, "DeleteNamespace", @namespace, null, CimAccess.Schema, () => _inner.DeleteNamespaceAsync(context, @namespace, cancellationToken));

    // Qualifier types

    public ValueTask<CimQualifierDeclaration> GetQualifierAsync(CimOperationContext context, string @namespace, string qualifierName,
        CancellationToken cancellationToken = default) =>
        ReadAsync(context, "GetQualifier", @namespace, qualifierName, () => _inner.GetQualifierAsync(context, @namespace, qualifierName, cancellationToken));

    public IAsyncEnumerable<CimQualifierDeclaration> EnumerateQualifiersAsync(CimOperationContext context, string @namespace,
        CancellationToken cancellationToken = default) =>
        Stream(context, "EnumerateQualifiers", @namespace, null, () => _inner.EnumerateQualifiersAsync(context, @namespace, cancellationToken));

    public ValueTask SetQualifierAsync(CimOperationContext context, string @namespace, CimQualifierDeclaration declaration,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(context, "SetQualifier", @namespace, declaration?.Name, CimAccess.Schema,
            () => _inner.SetQualifierAsync(context, @namespace, declaration!, cancellationToken));

    public ValueTask DeleteQualifierAsync(CimOperationContext context, string @namespace, string qualifierName, CancellationToken cancellationToken = default) =>
        ChangeAsync(context, "DeleteQualifier", @namespace, qualifierName, CimAccess.Schema,
            () => _inner.DeleteQualifierAsync(context, @namespace, qualifierName, cancellationToken));

    // Classes

    public ValueTask<CimClass> GetClassAsync(CimOperationContext context, string @namespace, string className, GetClassOptions? options = null,
        CancellationToken cancellationToken = default) =>
        ReadAsync(context, "GetClass", @namespace, className, () => _inner.GetClassAsync(context, @namespace, className, options, cancellationToken));

    public IAsyncEnumerable<CimClass> EnumerateClassesAsync(CimOperationContext context, string @namespace, string? className = null,
        bool deepInheritance = false, GetClassOptions? options = null, CancellationToken cancellationToken = default) =>
        Stream(context, "EnumerateClasses", @namespace, className,
            () => _inner.EnumerateClassesAsync(context, @namespace, className, deepInheritance, options, cancellationToken));

    public IAsyncEnumerable<string> EnumerateClassNamesAsync(CimOperationContext context, string @namespace, string? className = null,
        bool deepInheritance = false, CancellationToken cancellationToken = default) =>
        Stream(context, "EnumerateClassNames", @namespace, className,
            () => _inner.EnumerateClassNamesAsync(context, @namespace, className, deepInheritance, cancellationToken));

    public ValueTask<CimClass> CreateClassAsync(CimOperationContext context, string @namespace, CimClassDeclaration declaration,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(context, "CreateClass", @namespace, declaration?.Name, CimAccess.Schema,
            () => _inner.CreateClassAsync(context, @namespace, declaration!, cancellationToken));

    public ValueTask<CimClass> ModifyClassAsync(CimOperationContext context, string @namespace, CimClassDeclaration declaration,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(context, "ModifyClass", @namespace, declaration?.Name, CimAccess.Schema,
            () => _inner.ModifyClassAsync(context, @namespace, declaration!, cancellationToken));

    public ValueTask DeleteClassAsync(CimOperationContext context, string @namespace, string className, CancellationToken cancellationToken = default) =>
        ChangeAsync(context, "DeleteClass", @namespace, className, CimAccess.Schema,
            () => _inner.DeleteClassAsync(context, @namespace, className, cancellationToken));

    // Instances

    public ValueTask<CimInstance> GetInstanceAsync(CimOperationContext context, CimObjectPath instanceName, IReadOnlyCollection<string>? propertyList = null,
        CancellationToken cancellationToken = default) =>
        ReadAsync(context, "GetInstance", instanceName?.Namespace, instanceName?.ToString(),
            () => _inner.GetInstanceAsync(context, instanceName!, propertyList, cancellationToken));

    public IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(CimOperationContext context, string @namespace, string className,
        EnumerateInstancesOptions? options = null, CancellationToken cancellationToken = default) =>
        Stream(context, "EnumerateInstances", @namespace, className,
            () => _inner.EnumerateInstancesAsync(context, @namespace, className, options, cancellationToken));

    public IAsyncEnumerable<CimInstance> ExecQueryAsync(CimOperationContext context, string @namespace, string queryLanguage, string query,
        CancellationToken cancellationToken = default) =>
        Stream(context, "ExecQuery", @namespace, query,
            () => _inner.ExecQueryAsync(context, @namespace, queryLanguage, query, cancellationToken));

    public IAsyncEnumerable<CimObjectPath> EnumerateInstanceNamesAsync(CimOperationContext context, string @namespace, string className,
        CancellationToken cancellationToken = default) =>
        Stream(context, "EnumerateInstanceNames", @namespace, className,
            () => _inner.EnumerateInstanceNamesAsync(context, @namespace, className, cancellationToken));

    public ValueTask<CimObjectPath> CreateInstanceAsync(CimOperationContext context, CimInstance instance, CancellationToken cancellationToken = default) =>
        ChangeAsync(context, "CreateInstance", instance?.Namespace, instance is null ? null : InstancePath(instance), CimAccess.Write,
            () => _inner.CreateInstanceAsync(context, instance!, cancellationToken), static path => path.ToString());

    public ValueTask ModifyInstanceAsync(CimOperationContext context, CimInstance instance, IReadOnlyCollection<string>? propertyList = null,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(context, "ModifyInstance", instance?.Namespace, instance is null ? null : InstancePath(instance), CimAccess.Write,
            () => _inner.ModifyInstanceAsync(context, instance!, propertyList, cancellationToken));

    public ValueTask DeleteInstanceAsync(CimOperationContext context, CimObjectPath instanceName, CancellationToken cancellationToken = default) =>
        ChangeAsync(context, "DeleteInstance", instanceName?.Namespace, instanceName?.ToString(), CimAccess.Write,
            () => _inner.DeleteInstanceAsync(context, instanceName!, cancellationToken));

    // Associations

    public IAsyncEnumerable<CimInstance> AssociatorsAsync(CimOperationContext context, CimObjectPath objectName, AssociatorsOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Stream(context, "Associators", objectName?.Namespace, objectName?.ToString(), () => _inner.AssociatorsAsync(context, objectName!, options, cancellationToken));

    public IAsyncEnumerable<CimObjectPath> AssociatorNamesAsync(CimOperationContext context, CimObjectPath objectName, AssociatorsOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Stream(context, "AssociatorNames", objectName?.Namespace, objectName?.ToString(),
            () => _inner.AssociatorNamesAsync(context, objectName!, options, cancellationToken));

    public IAsyncEnumerable<CimInstance> ReferencesAsync(CimOperationContext context, CimObjectPath objectName, ReferencesOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Stream(context, "References", objectName?.Namespace, objectName?.ToString(), () => _inner.ReferencesAsync(context, objectName!, options, cancellationToken));

    public IAsyncEnumerable<CimObjectPath> ReferenceNamesAsync(CimOperationContext context, CimObjectPath objectName, ReferencesOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Stream(context, "ReferenceNames", objectName?.Namespace, objectName?.ToString(),
            () => _inner.ReferenceNamesAsync(context, objectName!, options, cancellationToken));

    // Methods

    public ValueTask<CimMethodResult> InvokeMethodAsync(CimOperationContext context, CimObjectPath target, string methodName,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken = default) =>
        ChangeAsync(context, "InvokeMethod:" + methodName, target?.Namespace, target?.ToString(), CimAccess.Invoke,
            () => _inner.InvokeMethodAsync(context, target!, methodName, inParameters, cancellationToken));
}
