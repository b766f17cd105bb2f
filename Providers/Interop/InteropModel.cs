using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;

namespace CimCloud.Providers.Interop;

/// <summary>
/// The DSP1033 view of this server, computed on every request: the object manager, the namespaces of the
/// repository, the union of the registered profiles of every <see cref="IRegisteredProfileSource"/> (the
/// first source to claim an InstanceID wins), which elements conform to them and how they reference each other.
/// </summary>
public sealed class InteropModel(InteropOptions options, CimRepository repository, IEnumerable<IRegisteredProfileSource> sources)
{
    private static readonly ushort[] NotAdvertised = [2];
    private static readonly string[] NotAdvertisedDescription = ["Not Advertised"];
    private static readonly ushort[] Ok = [2];

    private readonly IRegisteredProfileSource[] _sources = sources.ToArray();

    public InteropOptions Options => options;

    /// <summary>Each profile once, with the source that registered it.</summary>
    public IReadOnlyList<(RegisteredProfileDescription Profile, IRegisteredProfileSource Source)> Profiles()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return _sources.SelectMany(s => s.Profiles.Select(p => (p, s))).Where(x => seen.Add(x.p.InstanceId)).ToArray();
    }

    public IEnumerable<CimInstance> RegisteredProfiles(ProviderContext context) =>
        Profiles().Select(x => InteropInstanceBuilder.Build(context, InteropClassNames.RegisteredProfile,
            ("InstanceID", x.Profile.InstanceId),
            ("ElementName", x.Profile.RegisteredName),
            ("RegisteredOrganization", x.Profile.RegisteredOrganization),
            ("RegisteredName", x.Profile.RegisteredName),
            ("RegisteredVersion", x.Profile.RegisteredVersion),
            ("AdvertiseTypes", NotAdvertised),
            ("AdvertiseTypeDescriptions", NotAdvertisedDescription)));

    public CimInstance ObjectManager(ProviderContext context) =>
        InteropInstanceBuilder.Build(context, InteropClassNames.ObjectManager,
            ("SystemCreationClassName", options.SystemCreationClassName),
            ("SystemName", options.SystemName),
            ("CreationClassName", InteropClassNames.ObjectManager),
            ("Name", options.ObjectManagerName),
            ("ElementName", options.ObjectManagerName),
            ("Started", true),
            ("EnabledState", (ushort)2),
            ("RequestedState", (ushort)12),
            ("EnabledDefault", (ushort)2),
            ("OperationalStatus", Ok),
            ("HealthState", (ushort)5));

    public IEnumerable<CimInstance> Namespaces(ProviderContext context) =>
        repository.NamespaceNames.Select(name => InteropInstanceBuilder.Build(context, InteropClassNames.Namespace,
            ("SystemCreationClassName", options.SystemCreationClassName),
            ("SystemName", options.SystemName),
            ("ObjectManagerCreationClassName", InteropClassNames.ObjectManager),
            ("ObjectManagerName", options.ObjectManagerName),
            ("CreationClassName", InteropClassNames.Namespace),
            ("Name", name),
            ("ElementName", name),
            ("ClassInfo", (ushort)3),
            ("ClassType", (ushort)2)));

    public IEnumerable<CimInstance> NamespacesInManager(ProviderContext context)
    {
        var manager = InteropPaths.ObjectManager(options);
        foreach (var ns in Namespaces(context))
        {
            yield return InteropInstanceBuilder.Build(context, InteropClassNames.NamespaceInManager,
                ("Antecedent", manager), ("Dependent", ns.Path.WithNamespace(options.InteropNamespace)));
        }
    }

    /// <summary>CIM_ReferencedProfile: Antecedent = the referenced (component) profile, Dependent = the referencing one.</summary>
    public IEnumerable<CimInstance> ReferencedProfiles(ProviderContext context)
    {
        var profiles = Profiles();
        var known = profiles.Select(x => x.Profile.InstanceId).ToHashSet(StringComparer.Ordinal);
        foreach (var (profile, _) in profiles)
        {
            foreach (var referenced in profile.ReferencedProfileIds.Where(known.Contains))
            {
                yield return InteropInstanceBuilder.Build(context, InteropClassNames.ReferencedProfile,
                    ("Antecedent", InteropPaths.RegisteredProfile(options, referenced)),
                    ("Dependent", InteropPaths.RegisteredProfile(options, profile.InstanceId)));
            }
        }
    }

    /// <summary>CIM_ElementConformsToProfile for every profile and each of its central instances now (any namespace).</summary>
    public async IAsyncEnumerable<CimInstance> ElementsConformingToProfiles(ProviderContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (profile, source) in Profiles())
        {
            var standard = InteropPaths.RegisteredProfile(options, profile.InstanceId);
            await foreach (var element in source.GetConformingElementsAsync(profile.InstanceId, cancellationToken).ConfigureAwait(false))
            {
                if (element.Namespace is null)
                {
                    throw new CimException(CimStatusCode.Failed,
                        $"{source.GetType().Name} gave a central instance of {profile.InstanceId} without a namespace: {element}");
                }

                yield return InteropInstanceBuilder.Build(context, InteropClassNames.ElementConformsToProfile,
                    ("ConformantStandard", standard), ("ManagedElement", element));
            }
        }
    }
}
