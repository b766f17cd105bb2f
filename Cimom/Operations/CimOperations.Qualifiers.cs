using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Operations;

public sealed partial class CimOperations
{
    public ValueTask<CimQualifierDeclaration> GetQualifierAsync(CimOperationContext context, string @namespace, string qualifierName,
        CancellationToken cancellationToken = default) =>
        Completed.Run(() =>
        {
            Begin(context, cancellationToken);
            var ns = Namespace(@namespace);
            return ns.Schema.FindQualifier(qualifierName)
                ?? throw new CimException(CimStatusCode.NotFound, $"qualifier {qualifierName} is not declared in namespace {ns.Name}");
        });

    public IAsyncEnumerable<CimQualifierDeclaration> EnumerateQualifiersAsync(CimOperationContext context, string @namespace,
        CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        return new SyncAsyncEnumerable<CimQualifierDeclaration>(Namespace(@namespace).Schema.Qualifiers, cancellationToken);
    }

    public ValueTask SetQualifierAsync(CimOperationContext context, string @namespace, CimQualifierDeclaration declaration,
        CancellationToken cancellationToken = default) =>
        Completed.Run(() =>
        {
            Begin(context, cancellationToken);
            ArgumentNullException.ThrowIfNull(declaration);
            Namespace(@namespace).UpdateSchema(schema =>
            {
                var builder = new CimSchemaBuilder(schema);
                SchemaErrors.ThrowIfAny(builder.SetQualifier(declaration));
                return builder.Build();
            });
        });

    public ValueTask DeleteQualifierAsync(CimOperationContext context, string @namespace, string qualifierName,
        CancellationToken cancellationToken = default) =>
        Completed.Run(() =>
        {
            Begin(context, cancellationToken);
            Namespace(@namespace).UpdateSchema(schema =>
            {
                var builder = new CimSchemaBuilder(schema);
                builder.RemoveQualifier(qualifierName, out var error);
                SchemaErrors.ThrowIf(error);
                return builder.Build();
            });
        });
}
