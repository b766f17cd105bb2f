using System.Diagnostics;
using System.Net;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// Enumerate + Pull over every <c>Load_Item</c>: an optimized Enumerate with wsman:MaxElements, then Pulls with the same
/// wsen:MaxElements until EndOfSequence, then a new pass; <see cref="LoadSettings.EnumerationStreams"/> such sequences at
/// once. A warm-up (<see cref="WarmupAsync"/>) comes first; the measured phase ends at
/// <see cref="LoadSettings.Duration"/> or after <see cref="LoadSettings.MaxRequests"/> requests, and an unfinished
/// sequence is then released. Memory is sampled all through the measured phase.
/// </summary>
internal sealed class EnumerationRun(LoadHttpClient client, Uri endpoint, LoadSettings settings, int maxElements)
{
    private readonly EnvelopeTemplate _enumerate = WsManEnvelopes.Enumerate(endpoint, LoadModel.ItemClass, maxElements, settings.MaxEnvelopeSize);
    private readonly EnvelopeTemplate _pull = WsManEnvelopes.Pull(endpoint, LoadModel.ItemClass, maxElements, settings.MaxEnvelopeSize);
    private readonly EnvelopeTemplate _release = WsManEnvelopes.Release(endpoint, LoadModel.ItemClass);
    private long _instances;
    private long _requests;
    private long _errors;
    private long _bytes;
    private int _passes;
    private int _largestBatch;
    private string? _firstError;
    private bool _counting;

    public int MaxElements => maxElements;

    /// <summary>The same traffic for <see cref="LoadSettings.Warmup"/>, not counted; the first reply is checked against a real XML parse.</summary>
    public async Task WarmupAsync(CancellationToken cancellationToken)
    {
        var warmupEnd = Stopwatch.GetTimestamp() + (long)(settings.Warmup.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, settings.EnumerationStreams)
            .Select(i => Task.Run(() => StreamAsync(warmupEnd, long.MaxValue, verifyFirst: i == 0, cancellationToken), cancellationToken)));
        if (_errors > 0)
            throw new InvalidOperationException($"enumeration warm-up failed: {_firstError}");
    }

    /// <summary>The measured phase (call <see cref="WarmupAsync"/> first).</summary>
    public async Task<EnumerationResult> MeasureAsync(CancellationToken cancellationToken)
    {
        var liveBefore = GC.GetTotalMemory(forceFullCollection: true);
        _counting = true;
        using var sampler = new MemorySampler(TimeSpan.FromMilliseconds(20));
        var start = ProcessCounters.Now();
        var end = start.Timestamp + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, settings.EnumerationStreams)
            .Select(_ => Task.Run(() => StreamAsync(end, settings.MaxRequests, verifyFirst: false, cancellationToken), cancellationToken)));
        var counters = ProcessCounters.Between(start, ProcessCounters.Now());
        var memory = sampler.Stop();
        return new EnumerationResult(maxElements, settings.EnumerationStreams, _instances, _requests, _errors, _firstError, _bytes, _passes,
            _largestBatch, liveBefore, counters, memory);
    }

    private async Task StreamAsync(long endTimestamp, long requestCap, bool verifyFirst, CancellationToken cancellationToken)
    {
        var worker = new WorkerState(0);
        while (!Over(endTimestamp, requestCap))
        {
            string? context = null;
            var length = _enumerate.Render(ref worker.Request, MessageNumbers.Next());
            var ok = await SendAsync(worker, length, verifyFirst, cancellationToken);
            verifyFirst = false;
            if (!ok)
                return;
            var span = worker.Response.Span;
            var ended = EnumerationReply.Ended(span);
            context = ended ? null : EnumerationReply.Context(span);
            while (context is not null && !Over(endTimestamp, requestCap))
            {
                length = _pull.Render(ref worker.Request, MessageNumbers.Next(), text: context);
                if (!await SendAsync(worker, length, verify: false, cancellationToken))
                    return;
                span = worker.Response.Span;
                ended = EnumerationReply.Ended(span);
                context = ended ? null : EnumerationReply.Context(span);
            }

            if (context is not null)
            {
                // Out of time mid-sequence: give the context back (not counted).
                length = _release.Render(ref worker.Request, MessageNumbers.Next(), text: context);
                await client.PostAsync(endpoint, worker.Request, length, worker.Response, cancellationToken);
            }
            else if (ended && _counting)
            {
                Interlocked.Increment(ref _passes);
            }
        }
    }

    private bool Over(long endTimestamp, long requestCap) =>
        Stopwatch.GetTimestamp() >= endTimestamp || Interlocked.Read(ref _requests) >= requestCap;

    private async Task<bool> SendAsync(WorkerState worker, int length, bool verify, CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            var (status, read) = await client.PostAsync(endpoint, worker.Request, length, worker.Response, cancellationToken);
            if (status != HttpStatusCode.OK || read == 0)
                error = $"HTTP {(int)status} to a {(verify ? "first " : string.Empty)}request: {ReplyText.Describe(worker.Response)}";
        }
        catch (HttpRequestException e)
        {
            error = $"{e.GetType().Name}: {e.Message}";
        }

        if (error is not null)
        {
            Interlocked.Increment(ref _errors);
            Interlocked.CompareExchange(ref _firstError, error, null);
            return false;
        }

        var span = worker.Response.Span;
        if (verify)
            EnumerationReply.Verify(span);
        var items = EnumerationReply.CountItems(span);
        if (_counting)
        {
            Interlocked.Add(ref _instances, items);
            Interlocked.Increment(ref _requests);
            Interlocked.Add(ref _bytes, span.Length);
            InterlockedMax(ref _largestBatch, items);
        }

        return true;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
                return;
            current = seen;
        }
    }
}
