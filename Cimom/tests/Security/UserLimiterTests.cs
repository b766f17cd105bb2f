using CimCloud.Cimom.Model;
using CimCloud.Cimom.Security.Limits;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Security;

public sealed class UserLimiterTests
{
    [Fact]
    public void Concurrent_operations_per_user_are_capped_and_freed_by_the_lease()
    {
        var limiter = new CimUserLimiter(new CimUserLimits { MaxConcurrentOperations = 2, MaxRequestsPerSecond = 0 });
        var a = limiter.Enter("alice");
        using var b = limiter.Enter("ALICE");
        using var other = limiter.Enter("bob");
        var third = () => limiter.Enter("alice");
        third.Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.ServerLimitsExceeded);
        limiter.Running("alice").Should().Be(2, "a refused request does not keep a slot");
        a.Dispose();
        a.Dispose();
        limiter.Running("alice").Should().Be(1, "disposing twice frees one slot");
        using var again = limiter.Enter("alice");
    }

    [Fact]
    public void Request_rate_per_user_is_a_token_bucket()
    {
        var time = new ManualTime();
        var limiter = new CimUserLimiter(new CimUserLimits { MaxConcurrentOperations = 0, MaxRequestsPerSecond = 10, RequestBurst = 3 }, time);
        for (var i = 0; i < 3; i++)
            limiter.Enter("alice").Dispose();
        var fourth = () => limiter.Enter("alice");
        fourth.Should().Throw<CimException>().Which.Message.Should().Contain("requests per second");
        limiter.Enter("bob").Dispose(); // other users have their own bucket

        time.Advance(TimeSpan.FromMilliseconds(100)); // one token back at 10/s
        limiter.Enter("alice").Dispose();
        fourth.Should().Throw<CimException>();
        time.Advance(TimeSpan.FromSeconds(10)); // refills only up to the burst
        for (var i = 0; i < 3; i++)
            limiter.Enter("alice").Dispose();
        fourth.Should().Throw<CimException>();
    }

    [Fact]
    public void Unlimited_admits_everything_and_bad_limits_are_refused()
    {
        var limiter = new CimUserLimiter(CimUserLimits.Unlimited);
        var leases = Enumerable.Range(0, 1000).Select(_ => limiter.Enter("a")).ToList();
        limiter.Running("a").Should().Be(1000);
        leases.ForEach(l => l.Dispose());
        var bad = () => new CimUserLimiter(new CimUserLimits { MaxConcurrentOperations = -1 });
        bad.Should().Throw<ArgumentException>();
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
