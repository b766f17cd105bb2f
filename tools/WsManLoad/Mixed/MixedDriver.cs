using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using CimCloud.Cimom.Operations;
using CimCloud.WsManEndpoint.Hosting;

namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>
/// The mixed scenario: <see cref="MixedSettings.Clients"/> workers loop a weighted mix of Get, Enumerate+Pull, Put and
/// Invoke against an external endpoint or an in-process server over <see cref="MixedModel"/>, and the report gives
/// throughput, p50/p95/p99 per operation kind and the errors split into expected and unexpected.
/// </summary>
internal static class MixedDriver
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>0: no unexpected error; 1: at least one.</summary>
    public static async Task<int> RunAsync(MixedSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"cimcloud-wsman-load mixed on {MachineInfo.Describe()}");
        output.WriteLine($"load average at start: {MachineInfo.LoadAverage()}   (started {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        var mix = string.Join(", ", settings.Weights.Select(w => $"{w.Key.ToString().ToLowerInvariant()} {w.Value}"));
        output.WriteLine($"settings: {settings.Clients} clients, {settings.Duration.TotalSeconds:0.#} s after {settings.Warmup.TotalSeconds:0.#} s warm-up, mix {mix}, "
            + $"MaxElements {settings.MaxElements}");

        var split = settings.User.IndexOf(':', StringComparison.Ordinal);
        var (user, password) = (settings.User[..split], settings.User[(split + 1)..]);
        WsManServer? server = null;
        try
        {
            Uri endpoint;
            var keyCount = 1;
            if (settings.Url is { } url)
            {
                endpoint = url;
                output.WriteLine($"target: external server {endpoint} as {user}");
            }
            else
            {
                var (repository, providers) = await MixedModel.BuildAsync(settings.Vms, cancellationToken);
                server = new WsManServer(new CimOperations(repository, providers), repository, new WsManServerOptions
                {
                    Urls = ["http://127.0.0.1:0"],
                    Users = [settings.User],
                    MaxEnumerationContextsPerUser = Math.Max(64, settings.Clients * 2),
                });
                endpoint = new Uri((await server.StartAsync(cancellationToken))[0]);
                keyCount = settings.Vms;
                output.WriteLine($"target: in-process server {endpoint} over {settings.Vms} {MixedModel.ClassName} instances "
                    + $"(repository) with an in-process method provider for {MixedModel.Method}");
            }

            output.WriteLine($"  get {settings.Get}; enumerate {settings.Enumerate}; put {settings.Put} property {settings.PutProperty} = \"{settings.PutValue}\"; "
                + $"invoke {settings.Invoke} {settings.InvokeMethod}({settings.InvokeInput}); ReturnValue ok {string.Join(",", settings.OkReturns)}, "
                + $"expected errors {string.Join(",", settings.ExpectedReturns)}");
            output.Flush();

            using var client = new LoadHttpClient(settings.Clients, user, password);
            var putXml = settings.Weights.GetValueOrDefault(MixedOperation.Put) > 0
                ? await PutInstanceAsync(client, endpoint, settings, cancellationToken)
                : "<none/>";
            var plan = new MixedPlan(settings, endpoint, putXml, keyCount);

            var warm = await RunWorkersAsync(plan, client, settings.Warmup, seed: 1, cancellationToken);
            output.WriteLine($"warm-up: {Total(warm).Operations:#,0} operations in {settings.Warmup.TotalSeconds:0.#} s, unexpected errors {Total(warm).Unexpected}");
            output.Flush();

            var cpuBefore = ProcessCounters.Now();
            var timer = Stopwatch.StartNew();
            var measured = await RunWorkersAsync(plan, client, settings.Duration, seed: 1000, cancellationToken);
            var seconds = timer.Elapsed.TotalSeconds;
            var counters = ProcessCounters.Between(cpuBefore, ProcessCounters.Now());
            Report(output, measured, seconds, counters);
            var unexpected = Total(measured).Unexpected + Total(warm).Unexpected;
            output.WriteLine($"load average at end: {MachineInfo.LoadAverage()}");
            output.WriteLine(unexpected == 0 ? "result: no unexpected errors" : $"result: FAILED, {unexpected} unexpected error(s) (warm-up included)");
            output.Flush();
            return unexpected == 0 ? 0 : 1;
        }
        finally
        {
            if (server is not null)
                await server.DisposeAsync();
        }
    }

    private static async Task<Dictionary<MixedOperation, MixedStats>> RunWorkersAsync(MixedPlan plan, LoadHttpClient client, TimeSpan duration, int seed,
        CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, plan.Settings.Clients).Select(i => new MixedWorker(plan, client, seed + i)).ToList();
        await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(deadline, cancellationToken), cancellationToken)));
        var merged = Enum.GetValues<MixedOperation>().ToDictionary(o => o, _ => new MixedStats());
        foreach (var worker in workers)
        {
            foreach (var (operation, stats) in worker.Stats)
                merged[operation].Add(stats);
        }

        return merged;
    }

    private static MixedStats Total(Dictionary<MixedOperation, MixedStats> stats)
    {
        var total = new MixedStats();
        foreach (var s in stats.Values)
            total.Add(s);
        return total;
    }

    private static void Report(TextWriter output, Dictionary<MixedOperation, MixedStats> stats, double seconds, PhaseCounters counters)
    {
        var table = new MarkdownTable("Operation", "ops", "ops/s", "requests", "p50 ms", "p95 ms", "p99 ms", "ok", "expected errors", "unexpected errors");
        void Row(string name, MixedStats s) =>
            table.Add(name, Format.N0(s.Operations), Format.N0(s.Operations / seconds), Format.N0(s.Requests), Format.Ms(s.Latency.Quantile(0.5)),
                Format.Ms(s.Latency.Quantile(0.95)), Format.Ms(s.Latency.Quantile(0.99)), Format.N0(s.Ok), Format.N0(s.Expected), Format.N0(s.Unexpected));
        foreach (var (operation, s) in stats.Where(s => s.Value.Operations > 0))
            Row(operation == MixedOperation.Enumerate ? "Enumerate+Pull (whole sequence)" : operation.ToString(), s);
        var total = Total(stats);
        Row("all", total);
        output.WriteLine();
        output.WriteLine($"mixed: {Format.N0(total.Operations / seconds)} operations/s, {Format.N0(total.Requests / seconds)} requests/s over {seconds:0.0} s; "
            + $"CPU (ours) {Format.Percent(counters.CpuShare)}, CPU (others) {Format.Percent(counters.OthersShare)}");
        table.WriteTo(output);
        foreach (var (operation, s) in stats)
        {
            foreach (var (error, count) in s.Errors.OrderByDescending(e => e.Value).Take(5))
                output.WriteLine($"  {operation}: {error} × {count:#,0}");
        }
    }

    /// <summary>The Put body: the target's current instance (read with one Get) with the Put property's value as a marker.</summary>
    private static async Task<string> PutInstanceAsync(LoadHttpClient client, Uri endpoint, MixedSettings settings, CancellationToken cancellationToken)
    {
        var get = MixedEnvelopes.Get(endpoint, settings.Put, settings.MaxEnvelopeSize);
        var request = new byte[4096];
        var length = get.Render(ref request, MessageNumbers.Next());
        var response = new ResponseBuffer();
        var (status, _) = await client.PostAsync(endpoint, request, length, response, cancellationToken);
        if (status != HttpStatusCode.OK)
            throw new InvalidOperationException($"the Get of the Put target {settings.Put} failed: {ReplyInspector.Describe(status, response.Span)}");
        var document = XDocument.Parse(response.ToString());
        var instance = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "Body")?.Elements().FirstOrDefault()
            ?? throw new InvalidOperationException($"the Get of the Put target {settings.Put} returned no instance");
        var property = instance.Elements().FirstOrDefault(e => e.Name.LocalName.Equals(settings.PutProperty, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"the Put target's instance has no property {settings.PutProperty}");
        property.Attribute(Xsi + "nil")?.Remove();
        property.RemoveNodes();
        property.Value = MixedEnvelopes.PutValueMarker;
        return instance.ToString(SaveOptions.DisableFormatting);
    }
}
