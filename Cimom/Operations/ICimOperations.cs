using CimCloud.Cimom.Model;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Operations;

/// <summary>
/// The CIM operations (DSP0200 intrinsic and extrinsic methods) every front end calls — WS-Man, CIM-XML,
/// CIMI. No wire format is known here. Failures are <see cref="CimException"/>s with DSP0200 status codes;
/// a passed deadline is a <see cref="TimeoutException"/>; cancellation an <see cref="OperationCanceledException"/>.
/// Streaming operations check their arguments (namespace, classes, filters) when called and report
/// provider-side failures (e.g. a missing source object) on the first MoveNextAsync; results are produced
/// while the caller reads them, never collected first.
/// </summary>
public interface ICimOperations
{
    // Namespaces

    IAsyncEnumerable<string> EnumerateNamespacesAsync(CimOperationContext context, CancellationToken cancellationToken = default);

    /// <summary>AlreadyExists when it exists; InvalidParameter for a malformed name.</summary>
    ValueTask CreateNamespaceAsync(CimOperationContext context, string @namespace, CancellationToken cancellationToken = default);

    /// <summary>InvalidNamespace when missing; NamespaceNotEmpty while it holds a class or an instance.</summary>
    ValueTask DeleteNamespaceAsync(CimOperationContext context, string @namespace, CancellationToken cancellationToken = default);

    // Qualifier types

    /// <summary>NotFound when the qualifier type is not declared.</summary>
    ValueTask<CimQualifierDeclaration> GetQualifierAsync(CimOperationContext context, string @namespace, string qualifierName,
        CancellationToken cancellationToken = default);

    IAsyncEnumerable<CimQualifierDeclaration> EnumerateQualifiersAsync(CimOperationContext context, string @namespace,
        CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces a qualifier type.</summary>
    ValueTask SetQualifierAsync(CimOperationContext context, string @namespace, CimQualifierDeclaration declaration,
        CancellationToken cancellationToken = default);

    /// <summary>NotFound when not declared; Failed while a class uses it.</summary>
    ValueTask DeleteQualifierAsync(CimOperationContext context, string @namespace, string qualifierName, CancellationToken cancellationToken = default);

    // Classes

    /// <summary>The class, projected per <paramref name="options"/> (default: the whole resolved class). NotFound when missing.</summary>
    ValueTask<CimClass> GetClassAsync(CimOperationContext context, string @namespace, string className, GetClassOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The subclasses of <paramref name="className"/> (the root classes when null): direct ones, or all
    /// descendants with <paramref name="deepInheritance"/>. InvalidClass for an unknown class.
    /// </summary>
    IAsyncEnumerable<CimClass> EnumerateClassesAsync(CimOperationContext context, string @namespace, string? className = null,
        bool deepInheritance = false, GetClassOptions? options = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<string> EnumerateClassNamesAsync(CimOperationContext context, string @namespace, string? className = null,
        bool deepInheritance = false, CancellationToken cancellationToken = default);

    /// <summary>Resolves and adds a class (DSP0004 rules; AlreadyExists, InvalidSuperclass, ...). Returns the resolved class.</summary>
    ValueTask<CimClass> CreateClassAsync(CimOperationContext context, string @namespace, CimClassDeclaration declaration,
        CancellationToken cancellationToken = default);

    /// <summary>Replaces a class: NotFound, ClassHasChildren, ClassHasInstances refuse it.</summary>
    ValueTask<CimClass> ModifyClassAsync(CimOperationContext context, string @namespace, CimClassDeclaration declaration,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a class: NotFound, ClassHasChildren, ClassHasInstances refuse it.</summary>
    ValueTask DeleteClassAsync(CimOperationContext context, string @namespace, string className, CancellationToken cancellationToken = default);

    // Instances

    /// <summary>
    /// The instance named by <paramref name="instanceName"/> (keys may be untyped and in any case; a path
    /// naming a superclass finds the subclass instance). NotFound when missing.
    /// </summary>
    ValueTask<CimInstance> GetInstanceAsync(CimOperationContext context, CimObjectPath instanceName, IReadOnlyCollection<string>? propertyList = null,
        CancellationToken cancellationToken = default);

    /// <summary>The instances of the class and all its subclasses.</summary>
    IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(CimOperationContext context, string @namespace, string className,
        EnumerateInstancesOptions? options = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<CimObjectPath> EnumerateInstanceNamesAsync(CimOperationContext context, string @namespace, string className,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the instance in its <see cref="CimInstance.Namespace"/>: InvalidParameter for an abstract class
    /// or a missing key, AlreadyExists for a duplicate. Returns the new instance's path.
    /// </summary>
    ValueTask<CimObjectPath> CreateInstanceAsync(CimOperationContext context, CimInstance instance, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the properties in <paramref name="propertyList"/> (null: every property the instance includes)
    /// to the values in <paramref name="instance"/>; keys identify the instance and never change. NotFound when missing.
    /// </summary>
    ValueTask ModifyInstanceAsync(CimOperationContext context, CimInstance instance, IReadOnlyCollection<string>? propertyList = null,
        CancellationToken cancellationToken = default);

    ValueTask DeleteInstanceAsync(CimOperationContext context, CimObjectPath instanceName, CancellationToken cancellationToken = default);

    // Associations

    IAsyncEnumerable<CimInstance> AssociatorsAsync(CimOperationContext context, CimObjectPath objectName, AssociatorsOptions? options = null,
        CancellationToken cancellationToken = default);

    IAsyncEnumerable<CimObjectPath> AssociatorNamesAsync(CimOperationContext context, CimObjectPath objectName, AssociatorsOptions? options = null,
        CancellationToken cancellationToken = default);

    IAsyncEnumerable<CimInstance> ReferencesAsync(CimOperationContext context, CimObjectPath objectName, ReferencesOptions? options = null,
        CancellationToken cancellationToken = default);

    IAsyncEnumerable<CimObjectPath> ReferenceNamesAsync(CimOperationContext context, CimObjectPath objectName, ReferencesOptions? options = null,
        CancellationToken cancellationToken = default);

    // Queries

    /// <summary>
    /// The instances of the query's FROM class (and subclasses) that match it, projected to its SELECT list (WQL or
    /// DMTF:CQL, see Cimom/Query). QueryLanguageNotSupported for another language; InvalidQuery for a query that does
    /// not parse or bind.
    /// </summary>
    IAsyncEnumerable<CimInstance> ExecQueryAsync(CimOperationContext context, string @namespace, string queryLanguage, string query,
        CancellationToken cancellationToken = default);

    // Methods

    /// <summary>
    /// Invokes an extrinsic method through the class's method provider: MethodNotFound for an unknown method,
    /// InvalidParameter for a non-static method on a class path or an unknown in-parameter, NotFound for a
    /// missing instance, NotSupported when no provider serves the class.
    /// </summary>
    ValueTask<CimMethodResult> InvokeMethodAsync(CimOperationContext context, CimObjectPath target, string methodName,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken = default);
}
