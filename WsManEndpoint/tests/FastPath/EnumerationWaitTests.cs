using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Enumeration;
using FluentAssertions;
using Xunit;

namespace CimCloud.WsManEndpoint.Tests.FastPath;

/// <summary>
/// A batch wait that is over when the operation deadline cancels it is a time-out (the batch goes out, possibly
/// empty); a cancellation before the wait is over stays a cancellation.
/// </summary>
public sealed class EnumerationWaitTests
{
    [Fact]
    public async Task Cancellation_after_the_wait_is_over_is_a_time_out()
    {
        await using var context = NewContext();
        using var deadline = new CancellationTokenSource();
        await deadline.CancelAsync();
        var next = await context.NextAsync(TimeSpan.FromTicks(1), deadline.Token);
        next.Kind.Should().Be(NextItemKind.TimedOut);
    }

    [Fact]
    public async Task Cancellation_before_the_wait_is_over_is_a_cancellation()
    {
        await using var context = NewContext();
        using var deadline = new CancellationTokenSource();
        await deadline.CancelAsync();
        var next = async () => await context.NextAsync(TimeSpan.FromMinutes(10), deadline.Token);
        await next.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task A_wait_that_runs_out_uncancelled_is_a_time_out()
    {
        await using var context = NewContext();
        var next = await context.NextAsync(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        next.Kind.Should().Be(NextItemKind.TimedOut);
    }

    private static EnumerationContext NewContext() =>
        new("user", "uri", Never(), static (_, _) => { }, TimeSpan.FromMinutes(1), new CancellationTokenSource());

    private static async IAsyncEnumerable<CimInstance> Never([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }
}
