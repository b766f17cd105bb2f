using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>CCT_Slow in root/slow: every Get and every enumerated item takes <see cref="Delay"/> (for timeout tests).</summary>
internal sealed class SlowProvider : IInstanceProvider
{
    public const string Mof = """
        class CCT_Slow {
            [Key] string Id;
        };
        """;

    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1.5);

    public async ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken)
    {
        await Task.Delay(Delay, cancellationToken);
        return Make(cimClass, context.NamespaceName, (string)path.FindKey("Id")!.Value);
    }

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= 2; i++)
        {
            await Task.Delay(Delay, cancellationToken);
            yield return Make(cimClass, context.NamespaceName, $"slow-{i}");
        }
    }

    public ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw new CimException(CimStatusCode.NotSupported, "read-only");

    public ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw new CimException(CimStatusCode.NotSupported, "read-only");

    public ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        throw new CimException(CimStatusCode.NotSupported, "read-only");

    private static CimInstance Make(CimClass cimClass, string ns, string id)
    {
        var instance = new CimInstance(cimClass, ns);
        instance["Id"] = id;
        return instance.Freeze();
    }
}
