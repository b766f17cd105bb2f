using System.Diagnostics;
using System.Net;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// Enumerate + Pull over every <c>Load_Item</c>: an optimized Enumerate with wsman:MaxElements, then Pulls with the same
/// wsen:MaxElements until EndOfSequence, then a new pass; <see cref="LoadSettings.EnumerationStreams"/> such sequences at
/// once. A warm-up (<see cref="WarmupAsync"/>) comes first; then measured rounds (<see cref="MeasureRoundAsync"/>), each
/// ending at its time or once <see cref="LoadSettings.MaxRequests"/> requests were counted in all, when an unfinished
/// sequence is released. Memory is sampled all through each round.
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
    private bool _verified;
    private long _seen;
    private long? _liveBefore;
    private long _instancesBefore;
    private readonly List<PhaseCounters> _rounds = [];
    private readonly List<MemorySnapshot> _memory = [];
    private readonly List<double> _roundRates = [];

    public int MaxElements => maxElements;

    /// <summary>
    /// The same traffic for <paramref name="duration"/>, not counted; returns its rate in instances per second. The
    /// first reply of the first warm-up is checked against a real XML parse.
    /// </summary>
    public async Task<double> WarmupAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var before = Interlocked.Read(ref _seen);
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var verify = !_verified;
        _verified = true;
        await Task.WhenAll(Enumerable.Range(0, settings.EnumerationStreams)
            .Select(i => Task.Run(() => StreamAsync(end, long.MaxValue, verifyFirst: verify && i == 0, cancellationToken), cancellationToken)));
        if (_errors > 0)
            throw new InvalidOperationException($"enumeration warm-up failed: {_firstError}");
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return seconds <= 0 ? 0 : (Interlocked.Read(ref _seen) - before) / seconds;
    }

    /// <summary>
    /// One measured round of <paramref name="duration"/> (call <see cref="WarmupAsync"/> first). Rounds add up; the
    /// request cap (<see cref="LoadSettings.MaxRequests"/>) counts over all of them.
    /// </summary>
    public async Task MeasureRoundAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var live = GC.GetTotalMemory(forceFullCollection: true);
        _liveBefore ??= live;
        _counting = true;
        using var sampler = new MemorySampler(TimeSpan.FromMilliseconds(20));
        var start = ProcessCounters.Now();
        var end = start.Timestamp + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, settings.EnumerationStreams)
            .Select(_ => Task.Run(() => StreamAsync(end, settings.MaxRequests, verifyFirst: false, cancellationToken), cancellationToken)));
        _rounds.Add(ProcessCounters.Between(start, ProcessCounters.Now()));
        _memory.Add(sampler.Stop());
        _roundRates.Add(_rounds[^1].Elapsed.TotalSeconds <= 0 ? 0 : (_instances - _instancesBefore) / _rounds[^1].Elapsed.TotalSeconds);
        _instancesBefore = _instances;
    }

    /// <summary>Instances per second of each measured round so far.</summary>
    public IReadOnlyList<double> RoundRates => _roundRates;

    /// <summary>The measured rounds together.</summary>
    public EnumerationResult Result() =>
        new(maxElements, settings.EnumerationStreams, _instances, _requests, _errors, _firstError, _bytes, _passes, _largestBatch,
            _liveBefore ?? 0, PhaseCounters.Sum(_rounds), MemorySnapshot.Merge(_memory));

    private async Task StreamAsync(long endTimestamp, long requestCap, bool verifyFirst, CancellationToken cancellationToken)
    {
        var worker = new WorkerState(0);
        while (!Over(endTimestamp, requestCap))
        {
            string? context = null;
            var length = _enumerate.Render(ref worker.Request, MessageNumbers.Next());
            var ok = await SendAsync("Enumerate", worker, length, verifyFirst, cancellationToken);
            verifyFirst = false;
            if (!ok)
                return;
            var span = worker.Response.Span;
            var ended = EnumerationReply.Ended(span);
            context = ended ? null : EnumerationReply.Context(span);
            while (context is not null && !Over(endTimestamp, requestCap))
            {
                length = _pull.Render(ref worker.Request, MessageNumbers.Next(), text: context);
                if (!await SendAsync("Pull", worker, length, verify: false, cancellationToken))
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

    private async Task<bool> SendAsync(string kind, WorkerState worker, int length, bool verify, CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            var (status, read) = await client.PostAsync(endpoint, worker.Request, length, worker.Response, cancellationToken);
            if (status != HttpStatusCode.OK || read == 0)
                error = $"{kind}: HTTP {(int)status}: {ReplyText.Describe(worker.Response)}";
        }
        catch (HttpRequestException e)
        {
            error = $"{kind}: {e.GetType().Name}: {e.Message}";
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
        Interlocked.Add(ref _seen, items);
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
