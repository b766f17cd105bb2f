using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using CimCloud.Cimom.Security;
using CimCloud.CimXmlEndpoint.Hosting;
using CimCloud.Tools.CimXmlLoad;

// cimcloud-cimxml-load [--instances N] [--rounds R]
// EnumerateInstances of N ~1 KB instances through the real CimXmlServer on loopback, read as a stream by the client:
// time, instances/s, response size, and memory (working set and managed heap) before and at the peak of each round.
var instances = 100_000;
var rounds = 3;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--instances" or "-n" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
            instances = n;
            i++;
            break;
        case "--rounds" or "-r" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 0:
            rounds = r;
            i++;
            break;
        default:
            Console.Error.WriteLine("usage: cimcloud-cimxml-load [--instances N] [--rounds R]");
            return 2;
    }
}

Console.WriteLine($"building {instances:N0} Load_Item instances ...");
var build = Stopwatch.StartNew();
var (repository, operations) = await LoadModel.BuildAsync(instances);
Console.WriteLine($"built in {build.Elapsed.TotalSeconds:0.0} s");

await using var server = new CimXmlServer(operations, repository, new CimXmlServerOptions { Urls = ["http://127.0.0.1:0"] }, new SingleUser());
var endpoint = new Uri((await server.StartAsync()).Single());
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { Timeout = TimeSpan.FromMinutes(10) };
var body = """<?xml version="1.0" encoding="utf-8"?><CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1" PROTOCOLVERSION="1.0"><SIMPLEREQ><IMETHODCALL NAME="EnumerateInstances"><LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="cimv2"/></LOCALNAMESPACEPATH><IPARAMVALUE NAME="ClassName"><CLASSNAME NAME="Load_Item"/></IPARAMVALUE></IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>""";

async Task<(int Count, long Bytes)> EnumerateAsync()
{
    using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("load:load"u8.ToArray()));
    request.Headers.TryAddWithoutValidation("CIMOperation", "MethodCall");
    request.Headers.TryAddWithoutValidation("CIMMethod", "EnumerateInstances");
    request.Headers.TryAddWithoutValidation("CIMObject", "root%2Fcimv2");
    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    await using var stream = new CountingStream(await response.Content.ReadAsStreamAsync());
    using var reader = XmlReader.Create(stream, new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit });
    var count = 0;
    while (await reader.ReadAsync())
    {
        if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "VALUE.NAMEDINSTANCE")
            count++;
        else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "ERROR")
            throw new InvalidOperationException("the server answered ERROR " + reader.GetAttribute("CODE") + ": " + reader.GetAttribute("DESCRIPTION"));
    }

    return (count, stream.Total);
}

Console.WriteLine("warm-up: one full enumeration, not counted ...");
await EnumerateAsync();
Console.WriteLine();
Console.WriteLine("| round | instances | seconds | instances/s | response MB | MB/s | working set before → peak MB | managed heap before → peak MB |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
var seconds = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    using var self = Process.GetCurrentProcess();
    var workingSetBefore = self.WorkingSet64;
    var heapBefore = GC.GetTotalMemory(false);
    var clock = Stopwatch.StartNew();
    var sampler = new MemorySampler();
    {
        var result = await EnumerateAsync();
        clock.Stop();
        await sampler.DisposeAsync();
        if (result.Count != instances)
            throw new InvalidOperationException($"expected {instances} instances, got {result.Count}");
        seconds.Add(clock.Elapsed.TotalSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {round} | {result.Count:N0} | {clock.Elapsed.TotalSeconds:0.00} | {result.Count / clock.Elapsed.TotalSeconds:N0} | {result.Bytes / 1e6:0.0} | {result.Bytes / 1e6 / clock.Elapsed.TotalSeconds:0.0} | {workingSetBefore / 1e6:0} → {sampler.PeakWorkingSet / 1e6:0} | {heapBefore / 1e6:0} → {sampler.PeakManagedHeap / 1e6:0} |"));
    }
}

seconds.Sort();
var median = seconds[seconds.Count / 2];
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median: {instances:N0} instances in {median:0.00} s = {instances / median:N0} instances/s (OpenPegasus published 10.5 s for 100,000 on its hardware)"));
Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
return 0;

internal sealed class SingleUser : ICimCredentialVerifier
{
    public CimPrincipal? Verify(string userName, string password, string? remoteAddress) =>
        userName == "load" && password == "load" ? CimPrincipal.Administrator("load") : null;
}
