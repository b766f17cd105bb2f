using System.Globalization;

namespace CimCloud.Providers.Virtualization;

/// <summary>Settings of the virtualization providers.</summary>
public sealed class VirtualizationOptions
{
    /// <summary>The configuration key (environment variable) of <see cref="JobThreshold"/>.</summary>
    public const string JobThresholdVariable = "CimCloud__Virtualization__JobThreshold";

    /// <summary>The implementation namespace the classes are served in.</summary>
    public string Namespace { get; set; } = "root/cimv2";

    /// <summary>
    /// A method whose host call takes longer than this returns 4096 and a CIM_ConcreteJob that finishes in
    /// the background. <see cref="TimeSpan.Zero"/> turns every mutating call into a job.
    /// </summary>
    public TimeSpan JobThreshold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a finished job stays visible (CIM_ConcreteJob.TimeBeforeRemoval).</summary>
    public TimeSpan JobRetention { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one read of the host's state is reused by enumerations (mutations through the providers refresh it at once).</summary>
    public TimeSpan SnapshotLifetime { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Applies <see cref="JobThresholdVariable"/> when set: a TimeSpan (<c>00:00:02</c>) or seconds (<c>2.5</c>).
    /// Throws <see cref="FormatException"/> for a bad value.
    /// </summary>
    public VirtualizationOptions ApplyEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        if (getVariable(JobThresholdVariable) is { Length: > 0 } text)
            JobThreshold = ParseDuration(text);
        return this;
    }

    internal static TimeSpan ParseDuration(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
            return span;
        throw new FormatException($"{JobThresholdVariable}='{text}' is neither a TimeSpan (00:00:01) nor a number of seconds");
    }
}
