using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations.Isolation;
using CimCloud.Cimom.Providers;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Operations.OperationsHarness;

namespace CimCloud.Cimom.Tests.Operations.Isolation;

public sealed class ProviderIsolationTests
{
    private static readonly ProviderIsolationOptions Short = new() { Timeout = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task A_provider_that_throws_gives_CIM_ERR_FAILED_with_its_message_and_other_classes_keep_working()
    {
        var h = Create();
        using var bad = new MisbehavingProvider(Misbehavior.Throw);
        h.Providers.RegisterIsolated(new ProviderRegistration(Ns, "T_Disk", bad), Short);
        await h.AddAsync("T_System", ("Name", "s1"));

        var enumerate = async () => await ListAsync(h.Ops.EnumerateInstancesAsync(Ctx, Ns, "T_Disk"));
        var failure = (await enumerate.Should().ThrowAsync<CimException>()).Which;
        failure.StatusCode.Should().Be(CimStatusCode.Failed);
        failure.Message.Should().Contain("the backend exploded").And.Contain(nameof(MisbehavingProvider));

        var get = async () => await h.Ops.GetInstanceAsync(Ctx, PathOf("T_Disk", ("Id", "d1")));
        (await get.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.Failed);
        (await ListAsync(h.Ops.EnumerateInstancesAsync(Ctx, Ns, "T_System"))).Should().ContainSingle();
    }

    [Fact]
    public async Task A_CimException_from_a_provider_keeps_its_status()
    {
        var h = Create();
        using var bad = new MisbehavingProvider(Misbehavior.ThrowCimNotFound);
        h.Providers.RegisterIsolated(new ProviderRegistration(Ns, "T_Disk", bad), Short);
        var get = async () => await h.Ops.GetInstanceAsync(Ctx, PathOf("T_Disk", ("Id", "d1")));
        var failure = (await get.Should().ThrowAsync<CimException>()).Which;
        failure.StatusCode.Should().Be(CimStatusCode.NotFound);
        failure.Message.Should().Be("no such thing here");
    }

    [Theory]
    [InlineData(Misbehavior.HangCooperatively)]
    [InlineData(Misbehavior.HangIgnoringCancellation)]
    [InlineData(Misbehavior.BlockThread)]
    public async Task A_provider_that_hangs_times_out_and_the_next_operation_is_served(Misbehavior misbehavior)
    {
        var h = Create();
        using var hung = new MisbehavingProvider(misbehavior);
        h.Providers.RegisterIsolated(new ProviderRegistration(Ns, "T_Disk", hung), Short);
        await h.AddAsync("T_System", ("Name", "s1"));

        var get = async () => await h.Ops.GetInstanceAsync(Ctx, PathOf("T_Disk", ("Id", "d1")));
        (await get.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("did not answer");
        (await ListAsync(h.Ops.EnumerateInstancesAsync(Ctx, Ns, "T_System"))).Should().ContainSingle();
        if (misbehavior == Misbehavior.HangCooperatively)
            await hung.Cancelled.Task; // the abandoned call was told to stop
        hung.Release();
    }

    [Fact]
    public async Task A_stream_that_hangs_after_its_first_item_delivers_it_then_times_out()
    {
        var h = Create();
        using var hung = new MisbehavingProvider(Misbehavior.YieldOneThenHang, h.New("T_Disk", ("Id", "d1")).Freeze());
        h.Providers.RegisterIsolated(new ProviderRegistration(Ns, "T_Disk", hung), Short);
        var received = new List<CimInstance>();
        var enumerate = async () =>
        {
            await foreach (var instance in h.Ops.EnumerateInstancesAsync(Ctx, Ns, "T_Disk"))
                received.Add(instance);
        };
        await enumerate.Should().ThrowAsync<TimeoutException>();
        received.Should().ContainSingle().Which.Path.KeyBindings.Single().Value.Should().Be("d1");
        await hung.Cancelled.Task;
    }

    [Fact]
    public async Task A_method_provider_that_throws_gives_CIM_ERR_FAILED()
    {
        var h = Create();
        await h.AddAsync("T_Service", ("Name", "svc"));
        h.Providers.RegisterIsolated(new ProviderRegistration(Ns, "T_Service", new ThrowingMethodProvider()), Short);
        var invoke = async () => await h.Ops.InvokeMethodAsync(Ctx, PathOf("T_Service", ("Name", "svc")), "Start",
            new Dictionary<string, object?> { ["Mode"] = 1u });
        var failure = (await invoke.Should().ThrowAsync<CimException>()).Which;
        failure.StatusCode.Should().Be(CimStatusCode.Failed);
        failure.Message.Should().Contain("T_Service.Start").And.Contain("the backend exploded");
    }

    [Fact]
    public async Task The_callers_cancellation_is_passed_on_as_cancellation()
    {
        var h = Create();
        using var hung = new MisbehavingProvider(Misbehavior.HangCooperatively);
        h.Providers.RegisterIsolated(new ProviderRegistration(Ns, "T_Disk", hung), new ProviderIsolationOptions { Timeout = Timeout.InfiniteTimeSpan });
        using var cancel = new CancellationTokenSource();
        var get = h.Ops.GetInstanceAsync(Ctx, PathOf("T_Disk", ("Id", "d1")), cancellationToken: cancel.Token).AsTask();
        await cancel.CancelAsync();
        await get.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Registering_keeps_exactly_the_kinds_the_provider_implements()
    {
        var h = Create();
        var methods = new FakeMethodProvider();
        h.Providers.RegisterIsolated(new ProviderRegistration(Ns, "T_Service", methods));
        var service = h.Namespace.Schema.GetClass("T_Service");
        h.Providers.FindMethodProvider(Ns, service).Should().NotBeNull();
        h.Providers.GetInstanceProvider(Ns, service).Should().BeSameAs(h.Providers.Repository);
        var none = () => h.Providers.RegisterIsolated(new ProviderRegistration(Ns, "T_Disk", new object()));
        none.Should().Throw<ArgumentException>();
    }

    private sealed class ThrowingMethodProvider : IMethodProvider
    {
        public ValueTask<Cimom.Operations.CimMethodResult> InvokeMethodAsync(ProviderContext context, CimClass cimClass, CimObjectPath target,
            CimMethod method, IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the backend exploded");
    }
}
