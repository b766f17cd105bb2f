using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;

namespace CimCloud.CimXmlEndpoint.Tests.Server;

/// <summary>A method provider for Test_Vm that records every call and answers from its arguments.</summary>
public sealed class RecordingMethodProvider : IMethodProvider
{
    public ConcurrentQueue<(CimObjectPath Target, string Method, IReadOnlyDictionary<string, object?> In, ProviderContext Context)> Calls { get; } = new();

    public ValueTask<CimMethodResult> InvokeMethodAsync(ProviderContext context, CimClass cimClass, CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken)
    {
        Calls.Enqueue((target, method.Name, inParameters, context));
        return method.Name switch
        {
            "Ping" => ValueTask.FromResult(new CimMethodResult(7u, new Dictionary<string, object?> { ["Echo"] = "echo:" + inParameters.GetValueOrDefault("Text") })),
            "Resize" => ValueTask.FromResult(new CimMethodResult(0u, new Dictionary<string, object?> { ["Previous"] = 1024u })),
            "Fail" => throw new CimException(CimStatusCode.MethodNotAvailable, "the VM is busy"),
            _ => throw new CimException(CimStatusCode.MethodNotFound, method.Name),
        };
    }
}

/// <summary>Test_Stream instances made while they are read (N = 0..Count-1); it can fail after a number of them.</summary>
public sealed class StreamingInstanceProvider : IInstanceProvider
{
    public int Count { get; set; } = 10;

    public int? FailAfter { get; set; }

    private int _produced;

    public int Produced => Volatile.Read(ref _produced);

    public ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        ValueTask.FromResult<CimInstance?>(path.FindKey("N")?.Value is { } n ? Make(cimClass, Convert.ToInt32(n, System.Globalization.CultureInfo.InvariantCulture)) : null);

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < Count; i++)
        {
            if (i == FailAfter)
                throw new CimException(CimStatusCode.Failed, $"stream broke after {i} instances");
            Interlocked.Increment(ref _produced);
            if (i % 1000 == 0)
                await Task.Yield();
            yield return Make(cimClass, i);
        }
    }

    private static CimInstance Make(CimClass cimClass, int n)
    {
        var instance = new CimInstance(cimClass);
        instance["N"] = (uint)n;
        instance["Payload"] = new string('p', 200);
        return instance.Freeze();
    }

    public ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw new CimException(CimStatusCode.NotSupported, "read-only");

    public ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw new CimException(CimStatusCode.NotSupported, "read-only");

    public ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        throw new CimException(CimStatusCode.NotSupported, "read-only");
}
