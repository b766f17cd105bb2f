using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CimCloud.Tools.WsManLoad;

/// <summary>The command line of <c>cimcloud-wsman-load</c>.</summary>
internal static class LoadCommand
{
    private const string Description = """
        Load driver for the CimCloud WS-Management endpoint, on loopback only (127.0.0.1, port 0).

        Builds an in-memory repository (Load_Item, ~1 KB per serialized instance, and the cct-like Load_Small,
        --instances of each), starts the real WS-Man server in-process with a Basic-auth user, plus a minimal Kestrel
        app answering precomputed bytes as the baseline, then measures: Identify req/s (fixed answer and pipeline),
        Get req/s with random keys and its ratio to the fixed Identify baseline, Enumerate+Pull instances/s with
        memory sampling, and bytes allocated per request. Every phase is bounded by --seconds and --max-requests;
        the whole run by a time budget. Exit code 0: done; 1: a request failed or the budget ran out; 2: bad command line;
        130: interrupted (Ctrl+C or SIGTERM).
        """;

    public static RootCommand Create()
    {
        var connections = new Option<int>("--connections", "-c") { Description = "Concurrent connections (client workers) of the throughput phases.", DefaultValueFactory = _ => 16 };
        var seconds = new Option<double>("--seconds", "-s") { Description = "Measured seconds per phase (mixed: of the whole run, default 60).", DefaultValueFactory = _ => 10 };
        var warmup = new Option<double>("--warmup") { Description = "Warm-up seconds before each phase (not counted).", DefaultValueFactory = _ => 3 };
        var instances = new Option<int>("--instances", "-n") { Description = "Instances of each generated class.", DefaultValueFactory = _ => 100_000 };
        var scenario = new Option<string>("--scenario") { Description = "What to measure.", DefaultValueFactory = _ => "all" };
        scenario.AcceptOnlyFromAmong("all", "identify", "get", "enumerate", "alloc", "mixed");
        var maxRequests = new Option<long>("--max-requests") { Description = "Request cap per phase.", DefaultValueFactory = _ => 2_000_000 };
        var maxElements = new Option<string>("--max-elements") { Description = "Comma-separated MaxElements values; one Enumerate+Pull phase each.", DefaultValueFactory = _ => "100,500" };
        var maxEnvelope = new Option<int>("--max-envelope-size") { Description = "wsman:MaxEnvelopeSize of Enumerate/Pull; the server cap is raised to it for the run.", DefaultValueFactory = _ => 512_000 };
        var streams = new Option<int>("--enum-streams") { Description = "Concurrent Enumerate+Pull sequences.", DefaultValueFactory = _ => 1 };
        var rounds = new Option<int>("--rounds") { Description = "Interleaved rounds the --seconds of each throughput phase are split into.", DefaultValueFactory = _ => 5 };
        var allocRequests = new Option<int>("--alloc-requests") { Description = "Sequential requests per round of the allocation probe.", DefaultValueFactory = _ => 2000 };

        Positive(connections, 1, 1024);
        Positive(instances, 1, 10_000_000);
        Positive(streams, 1, 32);
        Positive(allocRequests, 1, 1_000_000);
        Positive(rounds, 1, 100);
        Positive(maxEnvelope, 8192, 64 * 1024 * 1024);
        seconds.Validators.Add(r => { if (r.GetValueOrDefault<double>() is <= 0 or > 3600) r.AddError("--seconds must be in (0, 3600]"); });
        warmup.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 600) r.AddError("--warmup must be in [0, 600]"); });
        maxRequests.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 1) r.AddError("--max-requests must be at least 1"); });
        maxElements.Validators.Add(r =>
        {
            if (ParseList(r.GetValueOrDefault<string>() ?? string.Empty) is null)
                r.AddError("--max-elements must be a comma-separated list of positive integers");
        });

        var root = new RootCommand(Description);
        foreach (var option in new Option[] { connections, seconds, warmup, instances, scenario, maxRequests, maxElements, maxEnvelope, streams, rounds, allocRequests })
            root.Options.Add(option);
        var mixed = new Mixed.MixedOptions();
        foreach (var option in mixed.All)
            root.Options.Add(option);
        root.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(scenario) == "mixed")
            {
                var given = parse.GetResult(seconds) is { Implicit: false };
                var (mixedSettings, problem) = mixed.Read(parse, given ? TimeSpan.FromSeconds(parse.GetValue(seconds)) : null,
                    TimeSpan.FromSeconds(parse.GetValue(warmup)), ParseList(parse.GetValue(maxElements)!)![0], parse.GetValue(maxEnvelope));
                if (mixedSettings is null)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"cimcloud-wsman-load: {problem}");
                    return 2;
                }

                return await RunMixedAsync(mixedSettings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
            }

            var settings = new LoadSettings
            {
                Connections = parse.GetValue(connections),
                Duration = TimeSpan.FromSeconds(parse.GetValue(seconds)),
                Warmup = TimeSpan.FromSeconds(parse.GetValue(warmup)),
                Instances = parse.GetValue(instances),
                Scenario = Enum.Parse<LoadScenario>(parse.GetValue(scenario)!, ignoreCase: true),
                MaxRequests = parse.GetValue(maxRequests),
                MaxElements = ParseList(parse.GetValue(maxElements)!)!,
                MaxEnvelopeSize = parse.GetValue(maxEnvelope),
                EnumerationStreams = parse.GetValue(streams),
                Rounds = parse.GetValue(rounds),
                AllocationRequests = parse.GetValue(allocRequests),
            };
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;

            // Own the signals (System.CommandLine's termination handling is off, see Program.cs): Ctrl+C or SIGTERM
            // cancel the run, which then stops both servers and reports.
            var interrupted = false;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            void Interrupt(PosixSignalContext context)
            {
                context.Cancel = true;
                interrupted = true;
                stop.Cancel();
            }

            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
            stop.CancelAfter(settings.Budget);
            try
            {
                return await LoadDriver.RunAsync(settings, output, stop.Token);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
            {
                error.WriteLine($"cimcloud-wsman-load: failed: {e.Message}");
                return 1;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                var why = interrupted || cancellationToken.IsCancellationRequested ? "interrupted" : $"time budget of {settings.Budget.TotalSeconds:0} s exceeded";
                error.WriteLine($"cimcloud-wsman-load: stopped: {why}");
                return interrupted ? 130 : 1;
            }
        });
        return root;
    }

    private static async Task<int> RunMixedAsync(Mixed.MixedSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var interrupted = false;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Interrupt(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupted = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        stop.CancelAfter(settings.Budget);
        try
        {
            return await Mixed.MixedDriver.RunAsync(settings, output, stop.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException or System.Xml.XmlException)
        {
            error.WriteLine($"cimcloud-wsman-load: failed: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            error.WriteLine($"cimcloud-wsman-load: stopped: {(interrupted ? "interrupted" : "time budget exceeded")}");
            return interrupted ? 130 : 1;
        }
    }

    private static void Positive(Option<int> option, int min, int max) =>
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value < min || value > max)
                r.AddError($"{option.Name} must be between {min} and {max}");
        });

    private static List<int>? ParseList(string text)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                return null;
            values.Add(n);
        }

        return values.Count == 0 ? null : values;
    }
}
