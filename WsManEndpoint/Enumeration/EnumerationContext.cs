using CimCloud.Cimom.Model;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>
/// One open enumeration: the live enumerator over the CIM operation's results (never a materialised list), the
/// user and ResourceURI it belongs to, how its items are written, and its idle expiry. A MoveNext that did not
/// finish within a Pull's MaxTime stays pending and is picked up by the next Pull; an item that did not fit
/// into an envelope is put back. Pulls on one context are serialised by <see cref="Gate"/>.
/// </summary>
internal sealed class EnumerationContext : IAsyncDisposable
{
    private readonly IAsyncEnumerator<CimInstance> _enumerator;
    private readonly CancellationTokenSource _lifetime;
    private Task<bool>? _pending;
    private CimInstance? _putBack;
    private long _lastUse;
    private int _disposed;

    public EnumerationContext(string user, string resourceUri, IAsyncEnumerable<CimInstance> items, EnumerationItemWriter writer,
        TimeSpan idleTimeout, CancellationTokenSource lifetime)
    {
        ArgumentNullException.ThrowIfNull(items);
        Id = "uuid:" + Guid.NewGuid().ToString("D").ToUpperInvariant();
        User = user;
        ResourceUri = resourceUri;
        Writer = writer;
        IdleTimeout = idleTimeout;
        _lifetime = lifetime;
        _enumerator = items.GetAsyncEnumerator(lifetime.Token);
        Touch();
    }

    public string Id { get; }

    public string User { get; }

    public string ResourceUri { get; }

    public EnumerationItemWriter Writer { get; }

    public TimeSpan IdleTimeout { get; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The total the client may be told (RequestTotalItemsCountEstimate); null when unknown.</summary>
    public long? TotalEstimate { get; set; }

    /// <summary>Items handed out so far.</summary>
    public long Delivered { get; set; }

    public bool IsFinished { get; private set; }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>A Pull holds the gate: not swept even if idle for long.</summary>
    public bool IsBusy => Gate.CurrentCount == 0;

    public void Touch() => Volatile.Write(ref _lastUse, Environment.TickCount64);

    public bool IsExpired(long nowTicks) => nowTicks - Volatile.Read(ref _lastUse) > (long)IdleTimeout.TotalMilliseconds;

    public void PutBack(CimInstance item) => _putBack = item;

    /// <summary>The next item, waiting at most <paramref name="wait"/> (zero: only what is ready now).</summary>
    public async ValueTask<NextItem> NextAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (_putBack is { } back)
        {
            _putBack = null;
            return NextItem.Of(back);
        }

        if (IsFinished)
            return NextItem.End;

        Task<bool> move;
        if (_pending is not null)
        {
            move = _pending;
        }
        else
        {
            var next = _enumerator.MoveNextAsync();
            if (next.IsCompletedSuccessfully)
                return Completed(next.Result);
            move = next.AsTask();
            _pending = move;
        }

        if (!move.IsCompleted)
        {
            if (wait <= TimeSpan.Zero)
                return NextItem.TimedOut;
            var waitStarted = Environment.TickCount64;
            try
            {
                await move.WaitAsync(Clamp(wait), cancellationToken);
            }
            catch (TimeoutException) when (!move.IsCompleted)
            {
                return NextItem.TimedOut;
            }
            catch (OperationCanceledException) when (!move.IsCompleted && WaitElapsed(waitStarted, wait))
            {
                // The wait ran out as well: on a busy machine both timers fire late and together, and which one
                // wins is chance. The caller's wait is shorter than its deadline by design, so it is a time-out.
                return NextItem.TimedOut;
            }
        }

        _pending = null;
        try
        {
            return Completed(await move);
        }
        catch
        {
            IsFinished = true;
            throw;
        }
    }

    // The millisecond clock and the timers do not agree to the tick: a wait within this of its end counts as over.
    private const long ClockSlackMs = 20;

    private static bool WaitElapsed(long startedTicks, TimeSpan wait) =>
        Environment.TickCount64 - startedTicks >= (long)Math.Min(wait.TotalMilliseconds, long.MaxValue) - ClockSlackMs;

    private NextItem Completed(bool hasItem)
    {
        if (hasItem)
            return NextItem.Of(_enumerator.Current);
        IsFinished = true;
        return NextItem.End;
    }

    private static TimeSpan Clamp(TimeSpan wait) => wait > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : wait;

    /// <summary>
    /// Cancels the enumeration, waits for a Pull in progress to let go (its wait ends with the cancellation or its
    /// MaxTime), then disposes the enumerator. Pulls that queue up afterwards see <see cref="IsDisposed"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _lifetime.CancelAsync();
        await Gate.WaitAsync();
        try
        {
            if (_pending is { } pending)
            {
                try
                {
                    await pending.WaitAsync(TimeSpan.FromSeconds(10));
                }
                catch
                {
                    // The enumeration is being abandoned; its outcome no longer matters.
                }

                if (!pending.IsCompleted)
                    return;
            }

            try
            {
                await _enumerator.DisposeAsync();
            }
            catch
            {
                // Same: a provider failing while being disposed must not hurt the server.
            }

            _lifetime.Dispose();
        }
        finally
        {
            Gate.Release();
        }
    }
}
