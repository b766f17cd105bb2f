namespace CimCloud.Cimom.Operations.Isolation;

/// <summary>How long a provider call may take before the operation gives up on it.</summary>
public sealed record ProviderIsolationOptions
{
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for one provider call (one item of a stream); <see cref="Timeout.InfiniteTimeSpan"/> = no limit.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}
