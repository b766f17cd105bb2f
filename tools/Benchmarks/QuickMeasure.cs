using System.Diagnostics;
using System.Globalization;
using CimCloud.Cimom.Mof.Writing;
using CimCloud.Cimom.Repository;

namespace CimCloud.Benchmarks;

/// <summary>
/// <c>--quick [--runs N]</c>: a few seconds of Stopwatch figures for the whole-schema compile (warm: after
/// six untimed compiles), the
/// memory the compiled repository retains (GC.GetTotalMemory(true) before and after, repository kept
/// alive), and the MOF writer. Not a substitute for BenchmarkDotNet, but fast to read.
/// </summary>
internal static class QuickMeasure
{
    private const double GoalCompileMs = 200;
    private const double GoalRetainedMb = 40;
    private const int WarmupRuns = 6;

    public static int Run(string[] args)
    {
        var runs = 7;
        var i = Array.IndexOf(args, "--runs");
        if (i >= 0 && (i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out runs) || runs < 1))
        {
            Console.Error.WriteLine("--runs needs a positive number");
            return 2;
        }

        var schemaFile = SchemaLocator.CimSchemaFile;
        if (schemaFile is null)
        {
            Console.Error.WriteLine("CIM Schema 2.49.0 not found: set CIM_SCHEMA_DIR or put the shared folder beside the repository");
            return 1;
        }

        Console.WriteLine($"schema: {schemaFile}");
        Console.WriteLine($"runtime: .NET {Environment.Version}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}, GC latency mode {System.Runtime.GCSettings.LatencyMode}");

        var cold = Stopwatch.StartNew();
        SchemaBenchmarks.Compile(new CimRepository(), schemaFile);
        Console.WriteLine($"first compile (cold, JIT included): {cold.Elapsed.TotalMilliseconds:F0} ms");

        // Let tiered JIT promote the hot paths before timing (what "warm" means here).
        for (var warmup = 0; warmup < WarmupRuns; warmup++)
            SchemaBenchmarks.Compile(new CimRepository(), schemaFile);

        var times = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            SchemaBenchmarks.Compile(new CimRepository(), schemaFile);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine($"compile (warm, {runs} runs): median {median:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms"
            + $"  [goal <= {GoalCompileMs:F0} ms: {(median <= GoalCompileMs ? "met" : "NOT met")}]");

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var repository = new CimRepository();
        SchemaBenchmarks.Compile(repository, schemaFile);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var retainedMb = (after - before) / (1024.0 * 1024.0);
        Console.WriteLine($"retained repository: {retainedMb:F1} MB (GC.GetTotalMemory(true) delta)"
            + $"  [goal <= {GoalRetainedMb:F0} MB: {(retainedMb <= GoalRetainedMb ? "met" : "NOT met")}]");

        var ns = repository.GetNamespace(MofCompilerOptionsDefaults.Namespace);
        MofWriter.Write(ns, TextWriter.Null);
        var writeWatch = Stopwatch.StartNew();
        using (var counter = new StringWriter(CultureInfo.InvariantCulture))
        {
            MofWriter.Write(ns, counter);
            Console.WriteLine($"write MOF (warm): {writeWatch.Elapsed.TotalMilliseconds:F0} ms, {counter.GetStringBuilder().Length:N0} characters");
        }

        GC.KeepAlive(repository);
        return 0;
    }
}
