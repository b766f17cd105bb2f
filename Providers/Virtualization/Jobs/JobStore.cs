using System.Collections.Concurrent;
using CimCloud.Cimom.Model;
using CimCloud.Providers.Virtualization.Model;

namespace CimCloud.Providers.Virtualization.Jobs;

/// <summary>The jobs of the providers; finished jobs are dropped after the retention time.</summary>
internal sealed class JobStore(VirtualizationOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, JobRecord> _jobs = new(StringComparer.OrdinalIgnoreCase);
    private long _next;
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public JobRecord Start(string methodName, CimObjectPath owner)
    {
        var number = Interlocked.Increment(ref _next);
        var job = new JobRecord(number, ObjectIds.Job(number), methodName, owner, time.GetUtcNow());
        _jobs[job.InstanceId] = job;
        Touch();
        return job;
    }

    public void Touch() => Interlocked.Increment(ref _version);

    public JobRecord? Find(string instanceId) => _jobs.GetValueOrDefault(instanceId);

    /// <summary>The live jobs, oldest first (expired finished jobs are removed on the way).</summary>
    public IReadOnlyList<JobRecord> List()
    {
        var now = time.GetUtcNow();
        foreach (var (id, job) in _jobs)
        {
            if (job.IsFinished && now - job.TimeOfLastStateChange > options.JobRetention && _jobs.TryRemove(id, out _))
                Touch();
        }

        return [.. _jobs.Values.OrderBy(j => j.Number)];
    }
}
