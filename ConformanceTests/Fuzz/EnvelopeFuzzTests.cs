using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CimCloud.ConformanceTests.Security;
using CimCloud.ConformanceTests.WsMan;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.Fuzz;

/// <summary>
/// 10,000+ mutated envelopes of every operation (fixed seed) against the real server. Every answer must be a SOAP
/// envelope (200 for a mutant that is still valid, 500 with a fault that is not <c>wsman:InternalError</c>) or an HTTP
/// 4xx; never a dropped connection, another 5xx or an unexpected-error fault. The server must stay up with bounded
/// memory, and a valid request right after must still succeed.
/// </summary>
public sealed class EnvelopeFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261128;
    private const int Cases = 10_000;
    private const int Workers = 8;
    private const long MemoryBound = 1L << 30; // 1 GiB: generous for a server holding cct.mof

    [Fact]
    public async Task Mutated_envelopes_of_every_operation_get_faults_or_4xx_and_the_server_survives()
    {
        if (SharedInputs.CctFixture(output) is not { } cct)
            return;
        await using var server = await ServeProcess.StartAsync(1, "--listen", "http://127.0.0.1:0", "--mof", cct, "--user", "fuzz:fuzz-pw",
            "--max-enumerations-per-user", "1000");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("fuzz:fuzz-pw")));
        var seeds = FuzzSeeds.All();
        var mutator = new EnvelopeMutator(Seed);
        var gate = new Lock();

        var problems = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<string, int>();
        long peakRss = server.ResidentBytes() ?? 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                // Cases are made in order under the lock, so case i is the same on every run (deterministic seed).
                FuzzCase fuzzCase;
                int i;
                lock (gate)
                {
                    i = ++next;
                    if (i >= Cases)
                        break;
                    fuzzCase = mutator.Next(i, seeds[i % seeds.Count].Name, seeds[i % seeds.Count].Envelope);
                }

                if (Only is { } only && !only.Contains(i))
                    continue;
                var outcome = await SendAsync(http, server.Endpoint, authorization, fuzzCase);
                statuses.AddOrUpdate(outcome.Kind, 1, (_, n) => n + 1);
                if (outcome.Problem is not null)
                    problems.Enqueue($"{fuzzCase.Description}: {outcome.Problem}");
                if (i % 500 == 0 && server.ResidentBytes() is { } rss)
                    InterlockedMax(ref peakRss, rss);
            }
        })));

        output.WriteLine($"{Cases} cases, seed {Seed}; answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}"))}");
        output.WriteLine($"server peak RSS sampled: {peakRss / (1024 * 1024)} MiB");
        foreach (var group in problems.GroupBy(p => p[(p.IndexOf(": ", p.IndexOf(": ", StringComparison.Ordinal) + 2, StringComparison.Ordinal) + 2)..].Split(':')[0]))
            output.WriteLine($"{group.Count()} x {group.Key}; e.g. {string.Join(" | ", group.Take(3))}");
        if (!problems.IsEmpty)
            output.WriteLine(server.Output);
        server.HasExited.Should().BeFalse("the server must survive every case\n" + server.Output);
        problems.Should().BeEmpty($"every answer must be a SOAP fault, a still-valid response or an HTTP 4xx; first problems:\n{string.Join("\n", problems.Take(8))}");
        peakRss.Should().BeLessThan(MemoryBound);

        using var valid = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent(WsManCall.Get("CCT_Host", "host-1"), new UTF8Encoding(false)) };
        valid.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/soap+xml;charset=UTF-8");
        valid.Headers.Authorization = authorization;
        using var after = await http.SendAsync(valid);
        after.StatusCode.Should().Be(HttpStatusCode.OK, await after.Content.ReadAsStringAsync());
        SoapXml.Parse(await after.Content.ReadAsStringAsync()).Instances().Single()["InstanceID"].Should().Be("host-1");
    }

    /// <summary>FUZZ_ONLY=12,345 sends only those cases (after making all before them, so they are the same cases): for replaying a failure.</summary>
    private static HashSet<int>? Only =>
        Environment.GetEnvironmentVariable("FUZZ_ONLY") is { Length: > 0 } list
            ? list.Split(',').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet()
            : null;

    private sealed record Outcome(string Kind, string? Problem);

    private static async Task<Outcome> SendAsync(HttpClient http, Uri endpoint, AuthenticationHeaderValue authorization, FuzzCase fuzzCase)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(fuzzCase.Body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzzCase.ContentType);
        request.Headers.Authorization = authorization;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Outcome("no answer", $"{e.GetType().Name}: {e.Message}");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is >= 400 and < 500)
                return new Outcome(status.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
            if (status is not (200 or 500))
                return new Outcome(status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"HTTP {status}");
            var body = await response.Content.ReadAsByteArrayAsync();
            XElement envelope;
            try
            {
                using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
                envelope = XDocument.Load(reader).Root!;
            }
            catch (XmlException e)
            {
                return new Outcome($"{status} unreadable", $"HTTP {status} with a body that is no XML: {e.Message}");
            }

            if (envelope.Name != SoapXml.S + "Envelope")
                return new Outcome($"{status} not SOAP", $"HTTP {status} with {envelope.Name}");
            var subcode = envelope.Element(SoapXml.S + "Body")?.Element(SoapXml.S + "Fault") is null ? null : envelope.FaultSubcodeName() ?? "(no subcode)";
            if (status == 200)
                return subcode is null ? new Outcome("200", null) : new Outcome("200 fault", $"HTTP 200 with fault {subcode}");
            if (subcode is null)
                return new Outcome("500 no fault", "HTTP 500 without a SOAP fault");
            return subcode == "InternalError"
                ? new Outcome("500 InternalError", $"wsman:InternalError: {envelope.FaultReason()}")
                : new Outcome("500 " + subcode, null);
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
