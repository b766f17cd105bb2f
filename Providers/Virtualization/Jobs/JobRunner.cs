using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Virtualization.Model;
using Microsoft.Extensions.Logging;

namespace CimCloud.Providers.Virtualization.Jobs;

/// <summary>
/// Runs the host part of a method: when it finishes within <see cref="VirtualizationOptions.JobThreshold"/>
/// the caller gets its return code and out-parameters; otherwise the caller gets 4096 ("Method Parameters
/// Checked - Job Started") with a <c>Job</c> reference, and the work finishes in the background (it is not
/// cancelled with the request) and records its outcome in the job.
/// </summary>
internal sealed class JobRunner(VirtualizationOptions options, JobStore jobs, HostSnapshotCache cache, TimeProvider time, ILogger<JobRunner> logger)
{
    public const uint JobStarted = 4096;

    /// <summary>
    /// Runs <paramref name="work"/>; a <see cref="HostException"/> it throws becomes the return code
    /// <paramref name="failureCode"/> gives (default: the VSMS mapping), any other exception 2 (Failed).
    /// </summary>
    public async ValueTask<CimMethodResult> RunAsync(string methodName, CimObjectPath owner, Func<CancellationToken, Task<MethodOutcome>> work,
        CancellationToken cancellationToken, Func<HostErrorKind, uint>? failureCode = null)
    {
        var task = Task.Run(() => Guard(methodName, work, failureCode ?? ReturnCodes.ForManagement), CancellationToken.None);
        if (options.JobThreshold > TimeSpan.Zero)
        {
            try
            {
                var outcome = await task.WaitAsync(options.JobThreshold, time, cancellationToken).ConfigureAwait(false);
                cache.Invalidate();
                return new CimMethodResult(outcome.ReturnCode, outcome.OutParameters);
            }
            catch (TimeoutException)
            {
                // Slow: hand the caller a job.
            }
        }

        var job = jobs.Start(methodName, owner);
        _ = task.ContinueWith(t => Complete(job, t.Result), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var jobPath = new ModelPaths(options.Namespace).ByInstanceId(VirtualizationClasses.ConcreteJob, job.InstanceId);
        return new CimMethodResult(JobStarted, new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["Job"] = jobPath });
    }

    private async Task<MethodOutcome> Guard(string methodName, Func<CancellationToken, Task<MethodOutcome>> work, Func<HostErrorKind, uint> failureCode)
    {
        try
        {
            return await work(CancellationToken.None).ConfigureAwait(false);
        }
        catch (HostException e)
        {
            logger.HostRefused(methodName, e.Kind, e.Message);
            return MethodOutcome.Failure(failureCode(e.Kind), $"{methodName}: {e.Message}");
        }
#pragma warning disable CA1031 // a failing host call becomes return code 2 (Failed), never a crashed server
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.HostCallFailed(e, methodName);
            return MethodOutcome.Failure(ReturnCodes.Failed, $"{methodName} failed: {e.Message}");
        }
    }

    private void Complete(JobRecord job, MethodOutcome outcome)
    {
        foreach (var (element, effect) in outcome.Affected)
            job.AddAffected(element, effect);
        job.Finish(outcome.ReturnCode, outcome.ErrorDescription, outcome.OutParameters, time.GetUtcNow());
        cache.Invalidate();
        jobs.Touch();
    }
}
