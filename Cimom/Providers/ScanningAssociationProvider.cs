using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Providers;

/// <summary>
/// For association classes served by an instance provider that computes no associations itself:
/// enumerates the class's instances and keeps those that refer to the source.
/// </summary>
internal sealed class ScanningAssociationProvider(IInstanceProvider inner) : IAssociationProvider
{
    public IInstanceProvider Inner => inner;

    public async IAsyncEnumerable<CimInstance> ReferencesAsync(ProviderContext context, CimClass associationClass, CimObjectPath source,
        CimClass sourceClass, string? role, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var association in inner.EnumerateInstancesAsync(context, associationClass, cancellationToken))
        {
            foreach (var property in ReferenceMatcher.RolesOf(association, source, sourceClass, context.Schema, context.NamespaceName))
            {
                if (role is null || string.Equals(property.Name, role, StringComparison.OrdinalIgnoreCase))
                {
                    yield return association;
                    break;
                }
            }
        }
    }
}
