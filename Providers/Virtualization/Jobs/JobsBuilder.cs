using CimCloud.Cimom.Model;
using CimCloud.Providers.Virtualization.Model;
using static CimCloud.Providers.Virtualization.VirtualizationClasses;

namespace CimCloud.Providers.Virtualization.Jobs;

/// <summary>CIM_ConcreteJob per job, owned by the service that started it and affecting the elements it touched.</summary>
internal static class JobsBuilder
{
    public static void Build(BuildContext c)
    {
        foreach (var job in c.Jobs)
        {
            var finished = job.IsFinished;
            var failed = job.State == JobRecord.Exception;
            c.W.Add(ConcreteJob,
                ("InstanceID", job.InstanceId), ("Name", job.MethodName), ("ElementName", $"{job.MethodName} job {job.Number}"),
                ("JobState", job.State), ("PercentComplete", finished ? (ushort)100 : (ushort)0),
                ("ErrorCode", finished ? (ushort)Math.Min(job.ErrorCode, ushort.MaxValue) : null), ("ErrorDescription", job.ErrorDescription),
                ("JobStatus", !finished ? "Running" : failed ? "Failed" : "Completed"),
                ("OperationalStatus", !finished ? new ushort[] { 2 } : failed ? new ushort[] { 6, 17 } : new ushort[] { 2, 17 }),
                ("TimeSubmitted", CimDateTime.FromDateTimeOffset(job.TimeSubmitted)),
                ("StartTime", CimDateTime.FromDateTimeOffset(job.TimeSubmitted)),
                ("TimeOfLastStateChange", CimDateTime.FromDateTimeOffset(job.TimeOfLastStateChange)),
                ("ElapsedTime", CimDateTime.FromTimeSpan((finished ? job.TimeOfLastStateChange : c.Now) - job.TimeSubmitted)),
                ("DeleteOnCompletion", false), ("TimeBeforeRemoval", CimDateTime.FromTimeSpan(c.Options.JobRetention)));
            var path = c.Paths.ByInstanceId(ConcreteJob, job.InstanceId);
            c.W.Associate(OwningJobElement, "OwningElement", job.Owner, "OwnedElement", path);
            foreach (var (element, effect) in job.Affected)
                c.W.Associate(AffectedJobElement, "AffectedElement", element, "AffectingElement", path, ("ElementEffects", new[] { effect }));
        }
    }
}
