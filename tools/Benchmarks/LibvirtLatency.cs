using System.Diagnostics;
using System.Globalization;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Hosts.Libvirt;

namespace CimCloud.Benchmarks;

/// <summary>
/// <c>--libvirt [--uri URI] [--calls N]</c>: per-call latency of the libvirt backend (LibvirtHost), each
/// IVirtualizationHost call timed N times after a warm-up, reported as median / p95 / max in microseconds, plus
/// the throughput of 4 parallel callers (the host serializes native calls). Default URI test:///default
/// (in-process, no daemon); the mutating calls only run against the test driver.
/// </summary>
internal static class LibvirtLatency
{
    private const int Warmup = 50;
    private const ulong GiB = 1024UL * 1024 * 1024;

    public static int Run(string[] args)
    {
        var uri = Option(args, "--uri") ?? "test:///default";
        var callsText = Option(args, "--calls") ?? "500";
        if (!int.TryParse(callsText, CultureInfo.InvariantCulture, out var calls) || calls < 1)
        {
            Console.Error.WriteLine("--calls needs a positive number");
            return 2;
        }

        try
        {
            return RunAsync(uri, calls).GetAwaiter().GetResult();
        }
        catch (HostException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static async Task<int> RunAsync(string uri, int calls)
    {
        var none = CancellationToken.None;
        await using var host = LibvirtHost.Open(uri);
        var info = await host.GetHostInfoAsync(none);
        Console.WriteLine($"libvirt {uri}: {info.Hypervisor} {info.HypervisorVersion}, {calls} calls each (after {Warmup} warm-up), .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"call",-34} {"median µs",10} {"p95 µs",10} {"max µs",10}");

        var machines = await host.ListMachinesAsync(none);
        var running = machines.FirstOrDefault(m => m.State == MachineRunState.Running);
        await Measure("GetHostInfo", calls, () => host.GetHostInfoAsync(none).AsTask());
        await Measure($"ListMachines ({machines.Count})", calls, () => host.ListMachinesAsync(none).AsTask());
        await Measure("ListStoragePools", calls, () => host.ListStoragePoolsAsync(none).AsTask());
        await Measure("ListNetworks", calls, () => host.ListNetworksAsync(none).AsTask());
        if (running is not null)
        {
            await Measure("FindMachine", calls, () => host.FindMachineAsync(running.Uuid, none).AsTask());
            await Measure("GetStatistics", calls, () => host.GetStatisticsAsync(running.Uuid, none).AsTask());
        }

        if (!uri.StartsWith("test:", StringComparison.Ordinal))
        {
            Console.WriteLine("(define, state change and volume calls are measured on test:// URIs only)");
            return 0;
        }

        var pool = (await host.ListStoragePoolsAsync(none))[0].Name;
        var network = (await host.ListNetworksAsync(none))[0].Name;
        var counter = 0;
        await Measure("DefineMachine + UndefineMachine", calls, async () =>
        {
            var name = $"bench{counter++}";
            var machine = await host.DefineMachineAsync(
                new MachineDefinition(name, null, 1, GiB, GiB, [], [new NicDefinition(string.Empty, network)]), none);
            await host.UndefineMachineAsync(machine.Uuid, none);
        });

        var vm = await host.DefineMachineAsync(new MachineDefinition("bench-vm", null, 1, GiB, GiB, [], [new NicDefinition(string.Empty, network)]), none);
        await host.ChangeStateAsync(vm.Uuid, MachineStateChange.Start, none);
        await Measure("ChangeState Suspend + Resume", calls, async () =>
        {
            await host.ChangeStateAsync(vm.Uuid, MachineStateChange.Suspend, none);
            await host.ChangeStateAsync(vm.Uuid, MachineStateChange.Resume, none);
        });
        await Measure("RedefineMachine (running)", calls, () => host.RedefineMachineAsync(vm.Definition with { Description = $"d{counter++}" }, none).AsTask());
        await Measure("CreateVolume + DeleteVolume", calls, async () =>
        {
            var name = $"bench{counter++}.img";
            await host.CreateVolumeAsync(pool, name, GiB, none);
            await host.DeleteVolumeAsync(pool, name, none);
        });

        const int Parallel = 4;
        var perWorker = calls * 4;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perWorker; i++)
                await host.FindMachineAsync(vm.Uuid, none);
        })));
        Console.WriteLine($"FindMachine, {Parallel} parallel callers: {Parallel * perWorker / watch.Elapsed.TotalSeconds:F0} calls/s");
        return 0;
    }

    private static async Task Measure(string name, int calls, Func<Task> call)
    {
        for (var i = 0; i < Warmup; i++)
            await call();
        var times = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(times);
        Console.WriteLine($"{name,-34} {times[calls / 2],10:F1} {times[(int)(calls * 0.95)],10:F1} {times[^1],10:F1}");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
