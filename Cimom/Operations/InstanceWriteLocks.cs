namespace CimCloud.Cimom.Operations;

/// <summary>
/// Striped async locks keyed by an instance's canonical path: a ModifyInstance reads the stored instance, merges the
/// client's properties and writes it back under the lock of that path, so two concurrent modifies of one instance
/// cannot lose each other's properties. Different instances rarely share a stripe.
/// </summary>
internal sealed class InstanceWriteLocks
{
    private readonly SemaphoreSlim[] _stripes;

    public InstanceWriteLocks(int stripes = 256)
    {
        _stripes = new SemaphoreSlim[stripes];
        for (var i = 0; i < stripes; i++)
            _stripes[i] = new SemaphoreSlim(1, 1);
    }

    /// <summary>Waits for the stripe of <paramref name="canonicalPath"/>; dispose the result to release it.</summary>
    public async ValueTask<Releaser> AcquireAsync(string canonicalPath, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(StringComparer.Ordinal.GetHashCode(canonicalPath) & int.MaxValue) % _stripes.Length];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    public readonly struct Releaser(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
