using CimCloud.Cimom.Model;

namespace CimCloud.Providers.Virtualization.Jobs;

/// <summary>One CIM_ConcreteJob: a method call that outlived the job threshold. Thread-safe.</summary>
internal sealed class JobRecord
{
    /// <summary>CIM_ConcreteJob.JobState values used here.</summary>
    public const ushort Running = 4;
    public const ushort Completed = 7;
    public const ushort Exception = 10;

    private readonly Lock _gate = new();
    private readonly List<(CimObjectPath Element, ushort Effect)> _affected = [];

    public JobRecord(long number, string instanceId, string methodName, CimObjectPath owner, DateTimeOffset submitted)
    {
        Number = number;
        InstanceId = instanceId;
        MethodName = methodName;
        Owner = owner;
        TimeSubmitted = submitted;
        TimeOfLastStateChange = submitted;
    }

    public long Number { get; }

    public string InstanceId { get; }

    public string MethodName { get; }

    /// <summary>The service (or system) whose method started the job.</summary>
    public CimObjectPath Owner { get; }

    public DateTimeOffset TimeSubmitted { get; }

    public ushort State { get; private set; } = Running;

    public DateTimeOffset TimeOfLastStateChange { get; private set; }

    public uint ErrorCode { get; private set; }

    public string? ErrorDescription { get; private set; }

    /// <summary>The method's out-parameters once it finished (e.g. ResultingSystem).</summary>
    public IReadOnlyDictionary<string, object?> Results { get; private set; } = new Dictionary<string, object?>();

    public bool IsFinished => State != Running;

    public IReadOnlyList<(CimObjectPath Element, ushort Effect)> Affected
    {
        get
        {
            lock (_gate)
                return [.. _affected];
        }
    }

    public void AddAffected(CimObjectPath element, ushort effect)
    {
        lock (_gate)
            _affected.Add((element, effect));
    }

    public void Finish(uint returnCode, string? description, IReadOnlyDictionary<string, object?> results, DateTimeOffset at)
    {
        lock (_gate)
        {
            ErrorCode = returnCode;
            ErrorDescription = description;
            Results = results;
            State = returnCode == 0 ? Completed : Exception;
            TimeOfLastStateChange = at;
        }
    }
}
