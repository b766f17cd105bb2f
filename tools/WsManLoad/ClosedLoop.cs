using System.Diagnostics;
using System.Net;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// A closed-loop throughput phase: <c>workers</c> tasks each send one request, wait for the whole answer, and send the
/// next. They first run <c>warmup</c> uncounted, then the phase is measured until <c>duration</c> passes or
/// <c>maxRequests</c> requests completed, then every worker stops. Only requests that complete inside the measured window count; an answer other than HTTP 200 with a
/// body, or a transport failure, is an error.
/// </summary>
internal static class ClosedLoop
{
    private const int Warming = 0;
    private const int Measuring = 1;
    private const int Stopping = 2;

    /// <summary>One request: sends it with the worker's buffers and returns the HTTP status and response length.</summary>
    public delegate Task<(HttpStatusCode Status, int Length)> Operation(WorkerState worker, CancellationToken cancellationToken);

    public static async Task<LoopResult> RunAsync(string name, int workers, TimeSpan warmup, TimeSpan duration, long maxRequests, Operation operation,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var shared = new Shared(maxRequests);
        var states = Enumerable.Range(0, workers).Select(i => new Worker(new WorkerState(i))).ToArray();
        var tasks = states.Select(w => Task.Run(() => w.RunAsync(operation, shared, cancellationToken), cancellationToken)).ToArray();

        ProcessCounters start;
        ProcessCounters end;
        MemorySnapshot memory;
        try
        {
            await Task.Delay(warmup, cancellationToken);
            using var sampler = new MemorySampler(TimeSpan.FromMilliseconds(25));
            start = ProcessCounters.Now();
            Volatile.Write(ref shared.Phase, Measuring);
            await Task.WhenAny(Task.Delay(duration, cancellationToken), shared.CapReached.Task);
            Volatile.Write(ref shared.Phase, Stopping);
            end = ProcessCounters.Now();
            memory = sampler.Stop();
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            Volatile.Write(ref shared.Phase, Stopping);
            await Task.WhenAll(tasks).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(tasks);
        var latency = new LatencyHistogram();
        foreach (var w in states)
            latency.Add(w.Latency);
        return new LoopResult(name, workers, states.Sum(w => w.Requests), states.Sum(w => w.Errors),
            states.Select(w => w.FirstError).FirstOrDefault(e => e is not null), states.Sum(w => w.Bytes), latency,
            ProcessCounters.Between(start, end), memory, shared.CapReached.Task.IsCompleted);
    }

    private sealed class Shared(long cap)
    {
        public int Phase = Warming;
        public long Completed;

        public long Cap { get; } = cap;

        public TaskCompletionSource CapReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Worker(WorkerState state)
    {
        public LatencyHistogram Latency { get; } = new();

        public long Requests { get; private set; }

        public long Errors { get; private set; }

        public long Bytes { get; private set; }

        public string? FirstError { get; private set; }

        public async Task RunAsync(Operation operation, Shared shared, CancellationToken cancellationToken)
        {
            while (Volatile.Read(ref shared.Phase) != Stopping && !cancellationToken.IsCancellationRequested)
            {
                var begin = Stopwatch.GetTimestamp();
                string? error = null;
                var length = 0;
                try
                {
                    var (status, read) = await operation(state, cancellationToken);
                    length = read;
                    if (status != HttpStatusCode.OK || read == 0)
                        error = $"HTTP {(int)status}: {ReplyText.Describe(state.Response)}";
                }
                catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    error = $"{e.GetType().Name}: {e.Message}";
                }

                var elapsed = Stopwatch.GetElapsedTime(begin);
                if (error is not null)
                {
                    // Errors count in the warm-up too: any failure invalidates the run.
                    Errors++;
                    FirstError ??= error;
                }

                if (Volatile.Read(ref shared.Phase) != Measuring)
                    continue;
                if (error is null)
                {
                    Requests++;
                    Bytes += length;
                    Latency.Record((long)elapsed.TotalMicroseconds);
                }

                if (Interlocked.Increment(ref shared.Completed) >= shared.Cap)
                    shared.CapReached.TrySetResult();
            }
        }
    }
}
