using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;
using CimCloud.WsManEndpoint.Hosting;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// Runs the whole measurement: builds the model, starts the real WS-Man server and the fixed-answer baseline on
/// 127.0.0.1 (port 0), runs the chosen phases, and prints the machine, the load average at start and end, and the results.
/// </summary>
internal static partial class LoadDriver
{
    private const string User = "load";
    private const string Password = "load-secret";
    private const double GetGoal = 0.60;

    public static async Task<int> RunAsync(LoadSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var loadAtStart = MachineInfo.LoadAverage();
        output.WriteLine($"cimcloud-wsman-load on {MachineInfo.Describe()}");
        output.WriteLine($"load average at start: {loadAtStart}   (started {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        output.WriteLine($"settings: scenario {settings.Scenario.ToString().ToLowerInvariant()}, {settings.Connections} connections, "
            + $"{settings.Duration.TotalSeconds:0.#} s per phase after {settings.Warmup.TotalSeconds:0.#} s warm-up, "
            + $"at most {settings.MaxRequests:#,0} requests per phase, {settings.Instances:#,0} instances per class, "
            + $"Enumerate/Pull MaxElements {string.Join("/", settings.MaxElements)} with MaxEnvelopeSize {settings.MaxEnvelopeSize}, "
            + $"{settings.EnumerationStreams} enumeration stream(s); time budget {settings.Budget.TotalSeconds:0} s");
        output.Flush();

        var build = Stopwatch.StartNew();
        var repository = await LoadModel.BuildAsync(settings.Instances, cancellationToken);
        var liveAfterBuild = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"model: {settings.Instances:#,0} {LoadModel.ItemClass} + {settings.Instances:#,0} {LoadModel.SmallClass} instances built in "
            + $"{build.Elapsed.TotalSeconds:0.0} s; live managed heap {Format.Mib(liveAfterBuild)} MiB");

        var options = new WsManServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Users = [$"{User}:{Password}"],
            MaxEnumerationContextsPerUser = Math.Max(64, settings.EnumerationStreams * 2),
        };
        var defaultCap = options.MaxEnvelopeSize;
        if (settings.MaxEnvelopeSize > defaultCap)
        {
            options.MaxEnvelopeSize = settings.MaxEnvelopeSize;
            output.WriteLine($"server: WsManServerOptions.MaxEnvelopeSize (the response cap) raised from {defaultCap} to {settings.MaxEnvelopeSize} for this run");
        }

        await using var server = new WsManServer(new CimOperations(repository, new ProviderRegistry()), repository, options);
        var endpoint = new Uri((await server.StartAsync(cancellationToken))[0]);
        using var client = new LoadHttpClient(settings.Connections, User, Password);

        var identifyRequest = new EnvelopeTemplate(WsManEnvelopes.Identify);
        var getSmall = WsManEnvelopes.Get(endpoint, LoadModel.SmallClass, LoadModel.SmallKeyProperty, LoadModel.SmallKeyPrefix);
        var getItem = WsManEnvelopes.Get(endpoint, LoadModel.ItemClass, LoadModel.ItemKeyProperty, LoadModel.ItemKeyPrefix);
        var identifyAnswer = await CaptureAsync(client, endpoint, identifyRequest, "IdentifyResponse", cancellationToken);
        var smallAnswer = await CaptureAsync(client, endpoint, getSmall, LoadModel.SmallKey(0), cancellationToken);
        var itemAnswer = await CaptureAsync(client, endpoint, getItem, LoadModel.ItemKey(0), cancellationToken);
        output.WriteLine($"server: {endpoint} (Basic auth, preemptive). Answers: Identify {identifyAnswer.Body.Length} B; "
            + $"Get {LoadModel.SmallClass} {smallAnswer.Body.Length} B (instance element {InstanceBytes(smallAnswer)} B); "
            + $"Get {LoadModel.ItemClass} {itemAnswer.Body.Length} B (instance element {InstanceBytes(itemAnswer)} B)");

        await using var baseline = await FixedAnswerServer.StartAsync(new Dictionary<string, FixedAnswer>
        {
            ["/identify"] = identifyAnswer,
            ["/get-small"] = smallAnswer,
            ["/get-item"] = itemAnswer,
        }, cancellationToken);
        output.WriteLine($"baseline: fixed-answer Kestrel app at {baseline.BaseUri} (same process; precomputed bytes, no auth, no SOAP work)");
        output.Flush();

        var loops = new List<LoopResult>();
        var enumerations = new List<EnumerationResult>();
        var allocations = new List<AllocationResult>();
        var keys = settings.Instances;

        var phases = new List<(string Name, Uri Target, EnvelopeTemplate Template)>();
        if (settings.Runs(LoadScenario.Identify) || settings.Runs(LoadScenario.Get))
            phases.Add(("Identify, fixed answer (baseline)", baseline.For("/identify"), identifyRequest));
        if (settings.Runs(LoadScenario.Identify))
            phases.Add(("Identify, WS-Man pipeline", endpoint, identifyRequest));
        if (settings.Runs(LoadScenario.Get))
        {
            phases.Add(($"Get {LoadModel.SmallClass}, fixed answer", baseline.For("/get-small"), getSmall));
            phases.Add(($"Get {LoadModel.SmallClass}, WS-Man", endpoint, getSmall));
            phases.Add(($"Get {LoadModel.ItemClass} (~1 KB), WS-Man", endpoint, getItem));
        }

        Task<LoopResult> RoundAsync((string Name, Uri Target, EnvelopeTemplate Template) phase, TimeSpan warmup, TimeSpan duration, long cap) =>
            ClosedLoop.RunAsync(phase.Name, settings.Connections, warmup, duration, cap,
                (w, ct) => client.PostAsync(phase.Target, w.Request, phase.Template.Render(ref w.Request, MessageNumbers.Next(), Random.Shared.Next(keys)), w.Response, ct),
                cancellationToken);

        if (phases.Count > 0)
        {
            // Warm every path first (JIT tiering, connection pools), then interleave the measured rounds.
            output.WriteLine($"throughput (closed loop, {settings.Connections} connections): warm-up {settings.Warmup.TotalSeconds:0.#}–{settings.MaxWarmup.TotalSeconds:0.#} s per phase (until the JIT settles), "
                + $"then {settings.Rounds} interleaved rounds of {(settings.Duration / settings.Rounds).TotalSeconds:0.##} s per phase");
            output.Flush();
            foreach (var phase in phases)
            {
                var (elapsed, _, settled, trace) = await WarmupUntilStable.RunAsync(settings, async slice =>
                {
                    var warm = await RoundAsync(phase, TimeSpan.Zero, slice, long.MaxValue);
                    if (warm.Errors > 0)
                        throw new InvalidOperationException($"{phase.Name}: warm-up failed: {warm.FirstError}");
                    return warm.PerSecond;
                });
                output.WriteLine($"  warm-up {phase.Name}: {elapsed.TotalSeconds:0} s{(settled ? string.Empty : " (not settled)")} [req/s / methods jitted per 1 s slice: {trace}]");
                output.Flush();
            }


            var rounds = phases.Select(_ => new List<LoopResult>()).ToList();
            var roundCap = Math.Max(1, settings.MaxRequests / settings.Rounds);
            for (var round = 0; round < settings.Rounds; round++)
            {
                for (var i = 0; i < phases.Count; i++)
                    rounds[i].Add(await RoundAsync(phases[i], LoadSettings.Ramp, settings.Duration / settings.Rounds, roundCap));
                output.WriteLine($"  round {round + 1}/{settings.Rounds}: {string.Join(" | ", rounds.Select(r => Format.N0(r[^1].PerSecond)))} req/s, "
                    + $"load average {MachineInfo.LoadAverage()}");
                output.Flush();
            }

            foreach (var result in rounds.Select(LoopResult.Combine))
            {
                var perRound = string.Join(" ", rounds.First(r => r[0].Name == result.Name).Select(r => Format.N0(r.PerSecond)));
                output.WriteLine($"  {result.Name}: {Format.N0(result.PerSecond)} req/s (rounds: {perRound}), p50 {Format.Ms(result.Latency.Quantile(0.5))} ms, "
                    + $"p99 {Format.Ms(result.Latency.Quantile(0.99))} ms, CPU {Format.Percent(result.Counters.CpuShare)} (others {Format.Percent(result.Counters.OthersShare)}), "
                    + $"errors {result.Errors}" + (result.FirstError is null ? string.Empty : $" (first: {result.FirstError})"));
                loops.Add(result);
            }

            output.Flush();
        }

        LoopResult? Find(string prefix) => loops.FirstOrDefault(l => l.Name.StartsWith(prefix, StringComparison.Ordinal));
        var fixedIdentify = Find("Identify, fixed");
        var pipelineIdentify = Find("Identify, WS-Man");
        var fixedGet = Find($"Get {LoadModel.SmallClass}, fixed");
        var smallGet = Find($"Get {LoadModel.SmallClass}, WS-Man");
        var itemGet = Find($"Get {LoadModel.ItemClass}");

        if (settings.Runs(LoadScenario.Enumerate))
        {
            output.WriteLine($"enumeration (optimized Enumerate + Pull until EndOfSequence, {settings.EnumerationStreams} stream(s)): "
                + $"warm-up {settings.Warmup.TotalSeconds:0.#}–{settings.MaxWarmup.TotalSeconds:0.#} s per MaxElements (until the JIT settles), then {settings.Rounds} interleaved rounds of "
                + $"{(settings.Duration / settings.Rounds).TotalSeconds:0.##} s each");
            output.Flush();
            var runs = settings.MaxElements.Select(m => new EnumerationRun(client, endpoint, settings, m)).ToList();
            foreach (var run in runs)
            {
                var (elapsed, _, settled, trace) = await WarmupUntilStable.RunAsync(settings, slice => run.WarmupAsync(slice, cancellationToken));
                output.WriteLine($"  warm-up MaxElements {run.MaxElements}: {elapsed.TotalSeconds:0} s{(settled ? string.Empty : " (not settled)")} "
                    + $"[instances/s / methods jitted per 1 s slice: {trace}]");
                output.Flush();
            }

            for (var round = 0; round < settings.Rounds; round++)
            {
                foreach (var run in runs)
                    await run.MeasureRoundAsync(settings.Duration / settings.Rounds, cancellationToken);
                output.WriteLine($"  round {round + 1}/{settings.Rounds}: {string.Join(" | ", runs.Select(r => Format.N0(r.RoundRates[^1])))} instances/s, "
                    + $"load average {MachineInfo.LoadAverage()}");
                output.Flush();
            }

            foreach (var run in runs)
            {
                var result = run.Result();
                output.WriteLine($"  MaxElements {run.MaxElements}: {Format.N0(result.InstancesPerSecond)} instances/s "
                    + $"(rounds: {string.Join(" ", run.RoundRates.Select(Format.N0))}), "
                    + $"{Format.N1(result.ItemsPerResponse)} items/response, heap {result.Memory.Heap}, working set {result.Memory.WorkingSet}, "
                    + $"CPU {Format.Percent(result.Counters.CpuShare)} (others {Format.Percent(result.Counters.OthersShare)}), errors {result.Errors}"
                    + (result.FirstError is null ? string.Empty : $" (first: {result.FirstError})"));
                enumerations.Add(result);
            }

            output.Flush();
        }

        if (settings.Runs(LoadScenario.Alloc))
        {
            output.WriteLine($"allocation (sequential, {settings.AllocationRequests} requests x 3 rounds, median):");
            var deadline = DateTime.UtcNow + settings.AllocationTime;
            foreach (var (name, template, path) in new[]
                     {
                         ("Identify", identifyRequest, "/identify"),
                         ($"Get {LoadModel.SmallClass}", getSmall, "/get-small"),
                         ($"Get {LoadModel.ItemClass}", getItem, "/get-item"),
                     })
            {
                var pipeline = await AllocationProbe.MeasureAsync(client, endpoint, template, keys, settings.AllocationRequests, deadline, cancellationToken);
                var fixedAnswer = await AllocationProbe.MeasureAsync(client, baseline.For(path), template, keys, settings.AllocationRequests, deadline, cancellationToken);
                var result = new AllocationResult(name, pipeline, fixedAnswer);
                output.WriteLine($"  {name}: {Format.N0(result.Pipeline)} B/request through WS-Man, {Format.N0(result.FixedAnswer)} B against the fixed answer, "
                    + $"WS-Man pipeline {Format.N0(result.Server)} B");
                output.Flush();
                allocations.Add(result);
            }

            var types = await AllocationProbe.TypesAsync(client, endpoint, baseline.For("/get-small"), getSmall, keys,
                Math.Max(settings.AllocationRequests, 2000), cancellationToken);
            output.WriteLine($"  top types allocated per Get {LoadModel.SmallClass} beyond the fixed answer (sampled GCAllocationTick, ~100 KB per sample, process-wide):");
            foreach (var (type, viaPipeline, viaFixed) in types.Take(12))
                output.WriteLine($"    {Format.N0(viaPipeline - viaFixed),8} B  {type}");
        }

        var loadAtEnd = MachineInfo.LoadAverage();
        output.WriteLine();
        output.WriteLine($"load average: start {loadAtStart}, end {loadAtEnd} ({Environment.ProcessorCount} cores; client, servers and anything else on the machine share them)");
        WriteTables(output, fixedIdentify, pipelineIdentify, fixedGet, smallGet, itemGet, loops, enumerations, allocations);
        var errors = loops.Sum(l => l.Errors) + enumerations.Sum(e => e.Errors);
        if (errors > 0)
        {
            output.WriteLine($"FAILED: {errors} request(s) failed; the figures above are not valid.");
            return 1;
        }

        return 0;
    }

    private static void WriteTables(TextWriter output, LoopResult? fixedIdentify, LoopResult? pipelineIdentify, LoopResult? fixedGet,
        LoopResult? smallGet, LoopResult? itemGet, List<LoopResult> loops, List<EnumerationResult> enumerations, List<AllocationResult> allocations)
    {
        if (loops.Count > 0)
        {
            output.WriteLine();
            var table = new MarkdownTable("Requests", "req/s", "vs fixed Identify", "p50 ms", "p99 ms", "CPU (ours)", "CPU (others)", "alloc/req (all)", "GC 0/1/2", "heap max MiB", "errors");
            foreach (var l in loops)
            {
                var ratio = fixedIdentify is null || fixedIdentify.PerSecond == 0 ? "n/a" : Format.Percent(l.PerSecond / fixedIdentify.PerSecond);
                table.Add(l.Name, Format.N0(l.PerSecond), ratio, Format.Ms(l.Latency.Quantile(0.5)), Format.Ms(l.Latency.Quantile(0.99)),
                    Format.Percent(l.Counters.CpuShare), Format.Percent(l.Counters.OthersShare), Format.N0(l.AllocatedPerRequest), l.Counters.Collections, Format.Mib(l.Memory.Heap.Max),
                    l.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            table.WriteTo(output);
            if (smallGet is not null && fixedIdentify is not null && fixedIdentify.PerSecond > 0)
            {
                var ratio = smallGet.PerSecond / fixedIdentify.PerSecond;
                output.WriteLine($"Get {LoadModel.SmallClass} / fixed Identify = {Format.Percent(ratio)} (goal >= {Format.Percent(GetGoal)}: {(ratio >= GetGoal ? "met" : "NOT met")})"
                    + (fixedGet is { PerSecond: > 0 } ? $"; / fixed Get answer of the same size = {Format.Percent(smallGet.PerSecond / fixedGet.PerSecond)}" : string.Empty)
                    + (itemGet is not null ? $"; Get {LoadModel.ItemClass} / fixed Identify = {Format.Percent(itemGet.PerSecond / fixedIdentify.PerSecond)}" : string.Empty));
            }

            if (pipelineIdentify is not null && fixedIdentify is { PerSecond: > 0 })
                output.WriteLine($"Identify through the pipeline / fixed Identify = {Format.Percent(pipelineIdentify.PerSecond / fixedIdentify.PerSecond)}");
        }

        if (enumerations.Count > 0)
        {
            output.WriteLine();
            var table = new MarkdownTable("MaxElements", "instances/s", "items/resp", "full passes", "wire B/inst", "alloc B/inst (all)", "CPU (ours)", "CPU (others)",
                "GC 0/1/2", "live heap before MiB", "heap min–max MiB", "GC heap size min–max MiB", "working set min–max MiB", "errors");
            foreach (var e in enumerations)
            {
                table.Add(e.MaxElements.ToString(System.Globalization.CultureInfo.InvariantCulture), Format.N0(e.InstancesPerSecond), Format.N1(e.ItemsPerResponse),
                    e.CompletedPasses.ToString(System.Globalization.CultureInfo.InvariantCulture), Format.N0(e.WireBytesPerInstance), Format.N0(e.AllocatedPerInstance),
                    Format.Percent(e.Counters.CpuShare), Format.Percent(e.Counters.OthersShare), e.Counters.Collections, Format.Mib(e.LiveHeapBefore), Range(e.Memory.Heap), Range(e.Memory.HeapAfterGc),
                    Range(e.Memory.WorkingSet), e.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            table.WriteTo(output);
        }

        if (allocations.Count > 0)
        {
            output.WriteLine();
            var table = new MarkdownTable("Request (sequential)", "B/req via WS-Man (client+Kestrel+pipeline)", "B/req fixed answer (client+Kestrel)", "WS-Man pipeline B/req");
            foreach (var a in allocations)
                table.Add(a.Name, Format.N0(a.Pipeline), Format.N0(a.FixedAnswer), Format.N0(a.Server));
            table.WriteTo(output);
        }
    }

    private static string Range(MemoryRange range) => $"{Format.Mib(range.Min)}–{Format.Mib(range.Max)}";

    /// <summary>Sends one request and checks it: HTTP 200 and <paramref name="expect"/> in the body. Returns the exact answer.</summary>
    private static async Task<FixedAnswer> CaptureAsync(LoadHttpClient client, Uri endpoint, EnvelopeTemplate template, string expect,
        CancellationToken cancellationToken)
    {
        var worker = new WorkerState(0);
        var length = template.Render(ref worker.Request, MessageNumbers.Next(), 0);
        var (status, _) = await client.PostAsync(endpoint, worker.Request, length, worker.Response, cancellationToken);
        var text = worker.Response.ToString();
        if (status != HttpStatusCode.OK || !text.Contains(expect, StringComparison.Ordinal))
            throw new InvalidOperationException($"sanity check failed: expected HTTP 200 with '{expect}', got {(int)status}: {text}");
        return new FixedAnswer(WsManEnvelopes.ContentType, worker.Response.ToArray());
    }

    /// <summary>Octets of the element(s) inside s:Body, as sent.</summary>
    private static int InstanceBytes(FixedAnswer answer)
    {
        var match = BodyContent().Match(Encoding.UTF8.GetString(answer.Body));
        return match.Success ? Encoding.UTF8.GetByteCount(match.Groups[1].Value) : -1;
    }

    [GeneratedRegex(@"<(?:\w+:)?Body[^>]*>(.*)</(?:\w+:)?Body>", RegexOptions.Singleline)]
    private static partial Regex BodyContent();
}
