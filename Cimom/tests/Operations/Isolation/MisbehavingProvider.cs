using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;

namespace CimCloud.Cimom.Tests.Operations.Isolation;

/// <summary>How a <see cref="MisbehavingProvider"/> answers every call.</summary>
public enum Misbehavior
{
    Throw,
    ThrowCimNotFound,
    HangCooperatively,
    HangIgnoringCancellation,
    BlockThread,
    YieldOneThenHang,
}

/// <summary>An instance and method provider that fails in the way it is told to; <see cref="Release"/> frees a blocked thread.</summary>
internal sealed class MisbehavingProvider(Misbehavior misbehavior, CimInstance? first = null) : IInstanceProvider, IMethodProvider, IDisposable
{
    private readonly ManualResetEventSlim _release = new();
    private readonly TaskCompletionSource _never = new();

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.Set();

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
    }

    public async ValueTask<CimInstance?> GetInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken)
    {
        await MisbehaveAsync(cancellationToken);
        return null;
    }

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProviderContext context, CimClass cimClass,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (misbehavior == Misbehavior.YieldOneThenHang)
        {
            yield return first!;
            await HangAsync(cancellationToken);
        }

        await MisbehaveAsync(cancellationToken);
    }

    public ValueTask<CimObjectPath> CreateInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("not used");

    public ValueTask ModifyInstanceAsync(ProviderContext context, CimInstance instance, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("not used");

    public ValueTask<bool> DeleteInstanceAsync(ProviderContext context, CimClass cimClass, CimObjectPath path, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("not used");

    public async ValueTask<CimMethodResult> InvokeMethodAsync(ProviderContext context, CimClass cimClass, CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken)
    {
        await MisbehaveAsync(cancellationToken);
        return new CimMethodResult(0u);
    }

    private async Task MisbehaveAsync(CancellationToken cancellationToken)
    {
        switch (misbehavior)
        {
            case Misbehavior.Throw:
                throw new InvalidOperationException("the backend exploded");
            case Misbehavior.ThrowCimNotFound:
                throw new CimException(CimStatusCode.NotFound, "no such thing here");
            case Misbehavior.HangCooperatively:
                await HangAsync(cancellationToken);
                break;
            case Misbehavior.HangIgnoringCancellation:
                await _never.Task;
                break;
            case Misbehavior.BlockThread:
                _release.Wait(CancellationToken.None);
                break;
        }
    }

    private async Task HangAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(() => Cancelled.TrySetResult());
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
