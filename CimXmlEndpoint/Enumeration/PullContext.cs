namespace CimCloud.CimXmlEndpoint.Enumeration;

/// <summary>
/// One open enumeration: the live result stream (never collected), who opened it, and until when it lives without a
/// Pull. One request at a time uses it (<see cref="Gate"/>); a Pull arriving while another runs is refused.
/// </summary>
internal sealed class PullContext(string id, PullKind kind, string? owner, string @namespace, IAsyncEnumerator<object> items,
    CancellationTokenSource stop, TimeSpan timeout) : IAsyncDisposable
{
    public string Id { get; } = id;

    public PullKind Kind { get; } = kind;

    public string? Owner { get; } = owner;

    public string Namespace { get; } = @namespace;

    public IAsyncEnumerator<object> Items { get; } = items;

    public TimeSpan Timeout { get; } = timeout;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public DateTimeOffset ExpiresAt { get; private set; } = DateTimeOffset.UtcNow + timeout;

    public bool IsExpired => DateTimeOffset.UtcNow >= ExpiresAt;

    public void Touch() => ExpiresAt = DateTimeOffset.UtcNow + Timeout;

    /// <summary>Reads up to <paramref name="max"/> items; EndOfSequence when the stream ended.</summary>
    public async ValueTask<(List<object> Items, bool EndOfSequence)> NextBatchAsync(int max)
    {
        var batch = new List<object>(Math.Min(max, 1024));
        while (batch.Count < max)
        {
            if (!await Items.MoveNextAsync())
                return (batch, true);
            batch.Add(Items.Current);
        }

        return (batch, false);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await Items.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
        Gate.Dispose();
    }
}
