namespace CimCloud.Cimom.Providers;

/// <summary>
/// Exposes a lazily evaluated sequence as an async stream: no copying, cancellation (the token given
/// here and the one given to the enumerator) checked per item.
/// </summary>
internal sealed class SyncAsyncEnumerable<T>(IEnumerable<T> source, CancellationToken boundToken = default) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(source.GetEnumerator(), boundToken, cancellationToken);

    private sealed class Enumerator(IEnumerator<T> inner, CancellationToken first, CancellationToken second) : IAsyncEnumerator<T>
    {
        public T Current => inner.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            first.ThrowIfCancellationRequested();
            second.ThrowIfCancellationRequested();
            return ValueTask.FromResult(inner.MoveNext());
        }

        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
