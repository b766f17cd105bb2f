using CimCloud.Cimom.Model;

namespace CimCloud.Providers.Interop;

/// <summary>
/// Something that implements DMTF profiles and tells the interop provider about them: the profiles
/// (one <see cref="RegisteredProfileDescription"/> each) and, per profile, its central instances
/// (namespaced paths, usually in the implementation namespace: CIM_ElementConformsToProfile crosses
/// namespaces). Register implementations in DI; the interop provider serves the union.
/// </summary>
public interface IRegisteredProfileSource
{
    IReadOnlyList<RegisteredProfileDescription> Profiles { get; }

    /// <summary>Paths (with namespace) of the central instances of the profile with this InstanceID, now.</summary>
    IAsyncEnumerable<CimObjectPath> GetConformingElementsAsync(string profileInstanceId, CancellationToken cancellationToken);
}
