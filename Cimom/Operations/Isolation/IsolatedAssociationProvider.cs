using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;

namespace CimCloud.Cimom.Operations.Isolation;

/// <summary>An <see cref="IAssociationProvider"/> whose failures and hangs stay inside the operation (see <see cref="ProviderGuard"/>).</summary>
internal sealed class IsolatedAssociationProvider(IAssociationProvider inner, ProviderGuard guard) : IAssociationProvider
{
    public IAsyncEnumerable<CimInstance> ReferencesAsync(ProviderContext context, CimClass associationClass, CimObjectPath source,
        CimClass sourceClass, string? role, CancellationToken cancellationToken) =>
        guard.StreamAsync($"References of {associationClass.Name}", ct => inner.ReferencesAsync(context, associationClass, source, sourceClass, role, ct),
            cancellationToken);
}
