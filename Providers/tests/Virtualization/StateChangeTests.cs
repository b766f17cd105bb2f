using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;
using H = CimCloud.Providers.Tests.Virtualization.VirtualizationHarness;

namespace CimCloud.Providers.Tests.Virtualization;

public sealed class StateChangeTests : IDisposable
{
    private readonly H _h = new();

    public void Dispose() => _h.Dispose();

    private Task<Cimom.Operations.CimMethodResult> RequestAsync(CimObjectPath vm, ushort state) =>
        _h.InvokeAsync(vm, "RequestStateChange", ("RequestedState", state));

    [Fact]
    public async Task Start_pause_resume_reboot_shut_down()
    {
        var vm = await _h.DefineAsync("cycle");
        foreach (var (requested, expected) in new (ushort, ushort)[] { (2, 2), (9, 9), (2, 2), (10, 2), (11, 2), (6, 6), (2, 2), (4, 3) })
        {
            (await RequestAsync(vm, requested)).ReturnValue.Should().Be(0u, $"RequestStateChange({requested})");
            var instance = await _h.GetAsync(vm);
            instance["EnabledState"].Should().Be(expected, $"after RequestStateChange({requested})");
            instance["RequestedState"].Should().Be(requested);
        }
    }

    [Fact]
    public async Task Disabled_turns_a_running_vm_off()
    {
        (await RequestAsync(H.TestVm, 3)).ReturnValue.Should().Be(0u);
        (await _h.GetAsync(H.TestVm))["EnabledState"].Should().Be((ushort)3);
    }

    [Theory]
    [InlineData((ushort)9)]
    [InlineData((ushort)4)]
    [InlineData((ushort)10)]
    [InlineData((ushort)3)]
    public async Task A_transition_the_stopped_state_does_not_allow_answers_4097(ushort requested)
    {
        var vm = await _h.DefineAsync("stopped");
        (await RequestAsync(vm, requested)).ReturnValue.Should().Be(4097u);
        (await _h.GetAsync(vm))["EnabledState"].Should().Be((ushort)3);
    }

    [Fact]
    public async Task Enabling_a_running_vm_answers_4097()
    {
        (await RequestAsync(H.TestVm, 2)).ReturnValue.Should().Be(4097u);
    }

    [Fact]
    public async Task Other_codes_timeout_and_unknown_vm()
    {
        (await RequestAsync(H.TestVm, 5)).ReturnValue.Should().Be(0u);
        (await RequestAsync(H.TestVm, 7)).ReturnValue.Should().Be(1u);
        (await RequestAsync(H.TestVm, 99)).ReturnValue.Should().Be(5u);
        var withTimeout = await _h.InvokeAsync(H.TestVm, "RequestStateChange", ("RequestedState", (ushort)9),
            ("TimeoutPeriod", CimDateTime.FromTimeSpan(TimeSpan.FromSeconds(5))));
        withTimeout.ReturnValue.Should().Be(4098u);
        (await _h.GetAsync(H.TestVm))["EnabledState"].Should().Be((ushort)2);

        var act = () => RequestAsync(H.Vm("00000000-0000-0000-0000-00000000dead"), 2);
        (await act.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.NotFound);
    }
}
