using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Operations.Isolation;

/// <summary>
/// Runs provider code so that its failures stay inside the operation: a <see cref="CimException"/> passes
/// with its status; any other exception becomes CIM_ERR_FAILED carrying the provider's message; a call
/// that does not answer within the timeout is abandoned (its token is cancelled) and the operation gets a
/// <see cref="TimeoutException"/> (front ends map it to their timeout fault). The call starts on the thread
/// pool, so even a provider that blocks its calling thread cannot hold the request.
/// </summary>
internal sealed class ProviderGuard(string providerName, TimeSpan timeout)
{
    public string ProviderName { get; } = providerName;

    public async ValueTask<T> RunAsync<T>(string what, Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var task = Task.Run(() => call(abandon.Token).AsTask(), CancellationToken.None);
        return await WaitAsync(task, what, abandon, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<T> StreamAsync<T>(string what, Func<CancellationToken, IAsyncEnumerable<T>> call,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var abandoned = false;
        var enumerator = await RunAsync(what, ct => ValueTask.FromResult(call(abandon.Token).GetAsyncEnumerator(abandon.Token)), cancellationToken)
            .ConfigureAwait(false);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    var step = enumerator;
                    var move = Task.Run(() => step.MoveNextAsync().AsTask(), CancellationToken.None);
                    more = await WaitAsync(move, what, abandon, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    abandoned = true;
                    throw;
                }

                if (!more)
                    yield break;
                yield return enumerator.Current;
            }
        }
        finally
        {
            if (abandoned)
            {
                // The provider is stuck in MoveNextAsync: disposing would wait for it. Leave it to finish on its own.
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await enumerator.DisposeAsync().ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // Nobody is waiting for this result any more.
                    }
                    finally
                    {
                        abandon.Dispose();
                    }
                }, CancellationToken.None);
            }
            else
            {
                try
                {
                    await enumerator.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (IsProviderFault(e, cancellationToken))
                {
                    // A provider failing to clean up does not fail an operation that already has its results.
                }
                finally
                {
                    abandon.Dispose();
                }
            }
        }
    }

    private async Task<T> WaitAsync<T>(Task<T> task, string what, CancellationTokenSource abandon, CancellationToken cancellationToken)
    {
        try
        {
            return timeout == Timeout.InfiniteTimeSpan
                ? await task.WaitAsync(cancellationToken).ConfigureAwait(false)
                : await task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            await abandon.CancelAsync().ConfigureAwait(false);
            Observe(task);
            throw new TimeoutException($"provider {ProviderName} did not answer {what} within {timeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(task);
            throw;
        }
        catch (Exception e) when (IsProviderFault(e, cancellationToken))
        {
            throw new CimException(CimStatusCode.Failed, $"provider {ProviderName} failed in {what}: {e.Message}", e);
        }
    }

    /// <summary>Not ours to pass on: the caller's cancellation, our CimExceptions and timeouts.</summary>
    private static bool IsProviderFault(Exception e, CancellationToken cancellationToken) =>
        e is not CimException and not TimeoutException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private static void Observe(Task task) =>
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
