namespace CimCloud.ConformanceTests.Durability;

/// <summary>What the workload knows of one instance: absent (null version) or present with a version.</summary>
internal sealed record InstanceState(BaseInstanceVersion? Version)
{
    public static InstanceState Absent { get; } = new((BaseInstanceVersion?)null);

    public bool Exists => Version is not null;

    public override string ToString() => Version is null ? "absent" : Version.Name;
}
