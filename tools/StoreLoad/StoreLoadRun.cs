using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Persistence;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;
using CimCloud.WsManEndpoint.Hosting;

namespace CimCloud.Tools.StoreLoad;

/// <summary>
/// One measurement: a WS-Man server on a loopback port (in memory, or with a fresh durable store as <c>serve --data</c>
/// sets it up), and <c>connections</c> clients each looping Create, Put, Delete of its own instances for the duration.
/// Every write is checked to succeed.
/// </summary>
internal static class StoreLoadRun
{
    private const string Mof = "class L_Item { [Key] string Id; string Name; uint32 Count; };";
    private const string ClassUri = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/L_Item";
    private const string Transfer = "http://schemas.xmlsoap.org/ws/2004/09/transfer/";

    public static async Task<StoreLoadResult> RunAsync(bool durable, int connections, TimeSpan duration)
    {
        var repository = new CimRepository();
        var compiled = new MofCompiler(repository, new MofCompilerOptions()).CompileText(Mof, "load.mof");
        if (!compiled.Success)
            throw new InvalidOperationException(string.Join("\n", compiled.Errors));
        var directory = Path.Combine(Path.GetTempPath(), "cimcloud-store-load-" + Guid.NewGuid().ToString("N"));
        SqliteRepositoryStore? store = null;
        if (durable)
        {
            store = SqliteRepositoryStore.Open(directory);
            store.ReplayInto(repository);
            repository.AttachJournal(store);
        }

        try
        {
            var settings = new WsManServerOptions { Urls = ["http://127.0.0.1:0"], Users = ["load:load"] };
            await using var server = new WsManServer(new CimOperations(repository, new ProviderRegistry()), repository, settings);
            var endpoint = new Uri((await server.StartAsync()).Single());
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections });
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("load:load")));

            await WorkerAsync(http, endpoint, "warmup", TimeSpan.FromSeconds(1), []);
            var latencies = new List<double>[connections];
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, connections).Select(c =>
                Task.Run(() => WorkerAsync(http, endpoint, $"w{c}", duration, latencies[c] = []))));
            var elapsed = clock.Elapsed;
            var all = latencies.SelectMany(l => l).Order().ToArray();
            return new StoreLoadResult(durable, connections, all.Length, elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
        }
        finally
        {
            store?.Dispose();
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task WorkerAsync(HttpClient http, Uri endpoint, string worker, TimeSpan duration, List<double> latencies)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; Stopwatch.GetTimestamp() < until; i++)
        {
            var id = $"{worker}-{i}";
            var body = $"<p:L_Item xmlns:p=\"{ClassUri}\"><p:Id>{id}</p:Id><p:Name>n{i}</p:Name><p:Count>{i}</p:Count></p:L_Item>";
            latencies.Add(await SendAsync(http, endpoint, "Create", null, body));
            latencies.Add(await SendAsync(http, endpoint, "Put", id, body.Replace($"<p:Count>{i}<", $"<p:Count>{i + 1}<", StringComparison.Ordinal)));
            latencies.Add(await SendAsync(http, endpoint, "Delete", id, string.Empty));
        }
    }

    private static async Task<double> SendAsync(HttpClient http, Uri endpoint, string action, string? id, string body)
    {
        var selectors = id is null ? string.Empty : $"<w:SelectorSet><w:Selector Name=\"Id\">{id}</w:Selector></w:SelectorSet>";
        var envelope = $"""
            <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd">
              <s:Header>
                <a:To>{endpoint}</a:To>
                <a:Action s:mustUnderstand="true">{Transfer}{action}</a:Action>
                <a:MessageID>uuid:{Guid.NewGuid()}</a:MessageID>
                <a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>
                <w:ResourceURI s:mustUnderstand="true">{ClassUri}</w:ResourceURI>
                {selectors}
              </s:Header>
              <s:Body>{body}</s:Body>
            </s:Envelope>
            """;
        var started = Stopwatch.GetTimestamp();
        using var content = new StringContent(envelope, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/soap+xml;charset=UTF-8");
        using var response = await http.PostAsync(endpoint, content);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK || text.Contains(":Fault>", StringComparison.Ordinal))
            throw new InvalidOperationException($"{action} {id} answered HTTP {(int)response.StatusCode}: {text}");
        return elapsed;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
