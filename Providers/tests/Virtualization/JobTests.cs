using CimCloud.Cimom.Model;
using CimCloud.Providers.Virtualization;
using FluentAssertions;
using Xunit;
using H = CimCloud.Providers.Tests.Virtualization.VirtualizationHarness;

namespace CimCloud.Providers.Tests.Virtualization;

/// <summary>
/// Calls that outlive the job threshold: the fake host holds every mutating call until the test releases it,
/// so the method's answer (4096 + Job) does not depend on timing; the test then waits for the job to finish.
/// </summary>
public sealed class JobTests : IDisposable
{
    private readonly H _h = new(o => o.JobThreshold = TimeSpan.FromMilliseconds(50));

    public void Dispose() => _h.Dispose();

    private async Task<CimInstance> FinishedJobAsync(CimObjectPath job)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var instance = await _h.GetAsync(job);
            if ((ushort)instance["JobState"]! != 4)
                return instance;
            await Task.Delay(10, cancel.Token);
        }
    }

    [Fact]
    public async Task A_slow_state_change_returns_4096_and_a_job_that_completes()
    {
        _h.Host.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await _h.InvokeAsync(H.TestVm, "RequestStateChange", ("RequestedState", (ushort)9));

        result.ReturnValue.Should().Be(ReturnCodes.JobStarted);
        var job = (CimObjectPath)result.OutParameters["Job"]!;
        var running = await _h.GetAsync(job);
        running["JobState"].Should().Be((ushort)4);
        running["Name"].Should().Be("RequestStateChange");
        (await _h.GetAsync(H.TestVm))["RequestedState"].Should().Be((ushort)9);

        _h.Host.Hold.SetResult();
        var done = await FinishedJobAsync(job);
        done["JobState"].Should().Be((ushort)7);
        done["PercentComplete"].Should().Be((ushort)100);
        (await _h.GetAsync(H.TestVm))["EnabledState"].Should().Be((ushort)9);
        (await _h.AssociatorsAsync(job, "CIM_AffectedJobElement")).Should().ContainSingle().Which.ClassName.Should().Be("CIMCLOUD_ComputerSystem");
    }

    [Fact]
    public async Task A_slow_define_reaches_its_vm_through_the_job()
    {
        _h.Host.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await _h.ManageAsync("DefineSystem", ("SystemSettings", H.Vssd("slow")));
        result.ReturnValue.Should().Be(ReturnCodes.JobStarted);
        var job = (CimObjectPath)result.OutParameters["Job"]!;
        var vsms = await _h.ServiceAsync("CIMCLOUD_VirtualSystemManagementService");
        (await _h.AssociatorsAsync(vsms, "CIM_OwningJobElement")).Select(j => j.Path.WithNamespace(H.Ns)).Should().Contain(job);

        _h.Host.Hold.SetResult();
        (await FinishedJobAsync(job))["JobState"].Should().Be((ushort)7);
        var vm = (await _h.AssociatorsAsync(job, "CIM_AffectedJobElement")).Should().ContainSingle().Subject;
        vm["ElementName"].Should().Be("slow");
    }

    [Fact]
    public async Task A_job_whose_host_call_fails_ends_in_exception_with_the_error()
    {
        _h.Host.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var volume = "/root/cimv2:CIMCLOUD_StorageVolume.CreationClassName=\"CIMCLOUD_StorageVolume\",DeviceID=\"default-pool/test.img\",SystemCreationClassName=\"CIMCLOUD_HostSystem\",SystemName=\"fake-host\"";
        var pool = H.ByInstanceId("CIMCLOUD_ResourcePool", "DiskPool/default-pool");
        var result = await _h.InvokeAsync(await _h.ServiceAsync("CIMCLOUD_ResourcePoolConfigurationService"), "DeleteResourceInPool",
            ("Resource", CimObjectPath.Parse(volume)), ("Pool", pool));
        result.ReturnValue.Should().Be(ReturnCodes.JobStarted);

        _h.Host.Hold.SetResult();
        var done = await FinishedJobAsync((CimObjectPath)result.OutParameters["Job"]!);
        done["JobState"].Should().Be((ushort)10);
        done["ErrorCode"].Should().Be((ushort)6);
        ((string)done["ErrorDescription"]!).Should().Contain("in use");
    }

    [Fact]
    public async Task Fast_calls_stay_synchronous()
    {
        (await _h.InvokeAsync(H.TestVm, "RequestStateChange", ("RequestedState", (ushort)9))).ReturnValue.Should().Be(0u);
        (await _h.EnumerateAsync("CIMCLOUD_ConcreteJob")).Should().BeEmpty();
    }
}
