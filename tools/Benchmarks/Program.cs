using BenchmarkDotNet.Running;
using CimCloud.Benchmarks;

// dotnet run -c Release --project tools/Benchmarks -- --filter '*'     BenchmarkDotNet, in-process, MemoryDiagnoser
// dotnet run -c Release --project tools/Benchmarks -- --quick [--runs N] Stopwatch + retained memory, a few seconds
// dotnet run -c Release --project tools/Benchmarks -- --libvirt [--uri URI] [--calls N]  libvirt backend per-call latency
if (args.Contains("--quick"))
    return QuickMeasure.Run(args);
if (args.Contains("--libvirt"))
    return LibvirtLatency.Run(args);

BenchmarkSwitcher.FromAssembly(typeof(SchemaBenchmarks).Assembly).Run(args);
return 0;
