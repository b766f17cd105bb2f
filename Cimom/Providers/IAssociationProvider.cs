using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Providers;

/// <summary>
/// Computes which association instances refer to an object, for one or more association classes.
/// The core builds References, Associators and their Names variants on top of this.
/// </summary>
public interface IAssociationProvider
{
    /// <summary>
    /// Instances of exactly <paramref name="associationClass"/> with a reference to
    /// <paramref name="source"/> (a normalized path of an instance of <paramref name="sourceClass"/>),
    /// through the property named <paramref name="role"/> when it is given. Extra results are
    /// harmless (the core re-checks), missing ones are lost.
    /// </summary>
    IAsyncEnumerable<CimInstance> ReferencesAsync(ProviderContext context, CimClass associationClass, CimObjectPath source,
        CimClass sourceClass, string? role, CancellationToken cancellationToken);
}
