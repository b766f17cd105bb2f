using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Operations;

public sealed partial class CimOperations
{
    public ValueTask<CimClass> GetClassAsync(CimOperationContext context, string @namespace, string className, GetClassOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Completed.Run(() =>
        {
            Begin(context, cancellationToken);
            var ns = Namespace(@namespace);
            var cimClass = ns.Schema.FindClass(className)
                ?? throw new CimException(CimStatusCode.NotFound, $"class {className} does not exist in namespace {ns.Name}");
            return ClassProjector.Project(cimClass, options ?? GetClassOptions.Default);
        });

    public IAsyncEnumerable<CimClass> EnumerateClassesAsync(CimOperationContext context, string @namespace, string? className = null,
        bool deepInheritance = false, GetClassOptions? options = null, CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        var classes = ClassesBelow(Namespace(@namespace), className, deepInheritance);
        var projection = options ?? GetClassOptions.Default;
        return new SyncAsyncEnumerable<CimClass>(classes.Select(c => ClassProjector.Project(c, projection)), cancellationToken);
    }

    public IAsyncEnumerable<string> EnumerateClassNamesAsync(CimOperationContext context, string @namespace, string? className = null,
        bool deepInheritance = false, CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        var classes = ClassesBelow(Namespace(@namespace), className, deepInheritance);
        return new SyncAsyncEnumerable<string>(classes.Select(c => c.Name), cancellationToken);
    }

    public ValueTask<CimClass> CreateClassAsync(CimOperationContext context, string @namespace, CimClassDeclaration declaration,
        CancellationToken cancellationToken = default) =>
        Completed.Run(() =>
        {
            Begin(context, cancellationToken);
            ArgumentNullException.ThrowIfNull(declaration);
            CimClass? created = null;
            Namespace(@namespace).UpdateSchema(schema =>
            {
                var builder = new CimSchemaBuilder(schema);
                var diagnostics = new List<SchemaDiagnostic>();
                created = builder.AddClass(declaration, diagnostics);
                SchemaErrors.ThrowIfAny(diagnostics);
                return builder.Build();
            });
            return created!;
        });

    public ValueTask<CimClass> ModifyClassAsync(CimOperationContext context, string @namespace, CimClassDeclaration declaration,
        CancellationToken cancellationToken = default) =>
        Completed.Run(() =>
        {
            Begin(context, cancellationToken);
            ArgumentNullException.ThrowIfNull(declaration);
            CimClass? modified = null;
            var ns = Namespace(@namespace);
            ns.UpdateSchema(schema =>
            {
                var existing = schema.FindClass(declaration.Name)
                    ?? throw new CimException(CimStatusCode.NotFound, $"class {declaration.Name} does not exist in namespace {ns.Name}");
                EnsureNoChildrenOrInstances(ns, schema, existing, "modified");
                var builder = new CimSchemaBuilder(schema);
                var diagnostics = new List<SchemaDiagnostic>();
                modified = builder.ReplaceClass(declaration, diagnostics);
                SchemaErrors.ThrowIfAny(diagnostics);
                return builder.Build();
            });
            return modified!;
        });

    public ValueTask DeleteClassAsync(CimOperationContext context, string @namespace, string className, CancellationToken cancellationToken = default) =>
        Completed.Run(() =>
        {
            Begin(context, cancellationToken);
            var ns = Namespace(@namespace);
            ns.UpdateSchema(schema =>
            {
                var existing = schema.FindClass(className)
                    ?? throw new CimException(CimStatusCode.NotFound, $"class {className} does not exist in namespace {ns.Name}");
                EnsureNoChildrenOrInstances(ns, schema, existing, "deleted");
                var builder = new CimSchemaBuilder(schema);
                builder.RemoveClass(existing.Name, out var error);
                SchemaErrors.ThrowIf(error);
                return builder.Build();
            });
        });

    private static IEnumerable<CimClass> ClassesBelow(CimNamespace ns, string? className, bool deepInheritance)
    {
        var schema = ns.Schema;
        if (className is not null)
            className = ClassOrInvalid(schema, className, ns.Name).Name;
        return deepInheritance ? schema.DescendantsOf(className) : schema.SubclassesOf(className);
    }

    /// <summary>Runs under the namespace's write lock, so no instance can be stored between the check and the change.</summary>
    private static void EnsureNoChildrenOrInstances(CimNamespace ns, CimSchema schema, CimClass existing, string verb)
    {
        if (schema.HasSubclasses(existing.Name))
        {
            throw new CimException(CimStatusCode.ClassHasChildren,
                $"class {existing.Name} has subclasses ({string.Join(", ", schema.SubclassesOf(existing.Name).Select(c => c.Name))}) and cannot be {verb}");
        }

        var count = ns.CountInstances(existing.Name);
        if (count > 0)
            throw new CimException(CimStatusCode.ClassHasInstances, $"class {existing.Name} has {count} instances and cannot be {verb}");
    }
}
