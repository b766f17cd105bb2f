using CimCloud.Cimom.Schema;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Virtualization.Jobs;
using CimCloud.Providers.Virtualization.Systems;

namespace CimCloud.Providers.Virtualization.Model;

/// <summary>
/// Reads the host at most once per <see cref="VirtualizationOptions.SnapshotLifetime"/> (a mutation through
/// the providers invalidates at once) and keeps the model built from the last snapshot for one schema.
/// </summary>
internal sealed class HostSnapshotCache(IVirtualizationHost host, VirtualizationOptions options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Entry? _snapshot;
    private volatile BuiltModel? _model;
    private long _generation;

    public IVirtualizationHost Host => host;

    public void Dispose() => _refresh.Dispose();

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }

    public async ValueTask<HostSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_snapshot) is { } fresh)
            return fresh.Snapshot;
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_snapshot) is { } again)
                return again.Snapshot;
            var generation = Interlocked.Read(ref _generation);
            var snapshot = await HostSnapshot.ReadAsync(host, cancellationToken).ConfigureAwait(false);
            if (generation == Interlocked.Read(ref _generation))
                _snapshot = new Entry(snapshot, time.GetUtcNow(), generation);
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The model for <paramref name="schema"/> now (rebuilt when the snapshot, the jobs or the requested states changed).</summary>
    public async ValueTask<VirtualizationModel> GetModelAsync(CimSchema schema, JobStore jobs, RequestedStates requested, CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var jobList = jobs.List();
        var built = _model;
        if (built is not null && ReferenceEquals(built.Snapshot, snapshot) && ReferenceEquals(built.Schema, schema)
            && built.JobsVersion == jobs.Version && built.RequestedVersion == requested.Version)
        {
            return built.Model;
        }

        var jobsVersion = jobs.Version;
        var requestedVersion = requested.Version;
        var model = ModelBuilder.Build(schema, options, snapshot, jobList, requested, time.GetUtcNow());
        _model = new BuiltModel(snapshot, schema, jobsVersion, requestedVersion, model);
        return model;
    }

    private Entry? Fresh(Entry? entry) =>
        entry is not null && entry.Generation == Interlocked.Read(ref _generation) && time.GetUtcNow() - entry.ReadAt < options.SnapshotLifetime
            ? entry
            : null;

    private sealed record Entry(HostSnapshot Snapshot, DateTimeOffset ReadAt, long Generation);

    private sealed record BuiltModel(HostSnapshot Snapshot, CimSchema Schema, long JobsVersion, long RequestedVersion, VirtualizationModel Model);
}
