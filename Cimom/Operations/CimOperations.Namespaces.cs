using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;

namespace CimCloud.Cimom.Operations;

public sealed partial class CimOperations
{
    public IAsyncEnumerable<string> EnumerateNamespacesAsync(CimOperationContext context, CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        return new SyncAsyncEnumerable<string>(_repository.NamespaceNames, cancellationToken);
    }

    public ValueTask CreateNamespaceAsync(CimOperationContext context, string @namespace, CancellationToken cancellationToken = default) =>
        Completed.Run(() =>
        {
            Begin(context, cancellationToken);
            _repository.CreateNamespace(@namespace);
        });

    public ValueTask DeleteNamespaceAsync(CimOperationContext context, string @namespace, CancellationToken cancellationToken = default) =>
        Completed.Run(() =>
        {
            Begin(context, cancellationToken);
            if (string.IsNullOrEmpty(@namespace))
                throw new CimException(CimStatusCode.InvalidNamespace, "no namespace given");
            _repository.DeleteNamespace(@namespace);
        });
}
