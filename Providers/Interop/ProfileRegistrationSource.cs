using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;

namespace CimCloud.Providers.Interop;

/// <summary>The platform's own profile: DSP1033 Profile Registration 1.0.0, whose central instance is the object manager.</summary>
public sealed class ProfileRegistrationSource(InteropOptions options) : IRegisteredProfileSource
{
    public const string InstanceId = "CIM:DSP1033-ProfileRegistration-1.0.0";

    public IReadOnlyList<RegisteredProfileDescription> Profiles { get; } =
        [new(InstanceId, "Profile Registration", "1.0.0", 2, [])];

    public async IAsyncEnumerable<CimObjectPath> GetConformingElementsAsync(string profileInstanceId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        if (string.Equals(profileInstanceId, InstanceId, StringComparison.Ordinal))
            yield return InteropPaths.ObjectManager(options);
    }
}
