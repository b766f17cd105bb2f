namespace CimCloud.ConformanceTests.Durability;

/// <summary>
/// One instance ID owned by one client of the crash workload: the state its last acknowledged write left, and the
/// state its write in flight (sent, not yet answered) would leave.
/// </summary>
internal sealed class TrackedInstance(string id)
{
    public string Id { get; } = id;

    public InstanceState Acknowledged { get; set; } = InstanceState.Absent;

    public InstanceState? InFlight { get; set; }

    /// <summary>Null when <paramref name="found"/> is a state this instance may be in after the crash; else why not.</summary>
    public string? Judge(InstanceState found)
    {
        if (found == Acknowledged || (InFlight is not null && found == InFlight))
            return null;
        return $"{Id}: found {found}, but the last acknowledged write left {Acknowledged}"
            + (InFlight is null ? string.Empty : $" and the unacknowledged one would leave {InFlight}");
    }
}
