namespace CimCloud.Providers.Tests.Simulated;

/// <summary>A clock the test moves by hand (only <see cref="GetUtcNow"/>; no timers).</summary>
internal sealed class ManualTime : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
