using System.Globalization;
using CimCloud.Tools.StoreLoad;

// dotnet run -c Release --project tools/StoreLoad -- [--seconds 10] [--connections 1,8] [--replay-instances 5000]
// Write throughput (Create, Put, Delete over WS-Man on loopback) in memory and with the durable store.
var seconds = 10;
var replayInstances = 5000;
int[] connections = [1, 8];
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s) && s > 0:
            seconds = s;
            i++;
            break;
        case "--replay-instances" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 0:
            replayInstances = r;
            i++;
            break;
        case "--connections" when i + 1 < args.Length:
            connections = args[++i].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            break;
        default:
            Console.Error.WriteLine($"cimcloud-store-load: unknown or incomplete option '{args[i]}'; usage: [--seconds N] [--connections 1,8] [--replay-instances N]");
            return 2;
    }
}

Console.WriteLine($"| store | connections | writes | writes/s | p50 ms | p99 ms |");
Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: |");
foreach (var durable in new[] { false, true })
{
    foreach (var n in connections)
    {
        var result = await StoreLoadRun.RunAsync(durable, n, TimeSpan.FromSeconds(seconds));
        Console.WriteLine(result.ToMarkdownRow());
    }
}

var (write, replay) = ReplayTiming.Measure(replayInstances);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"store of {replayInstances} instances: written one transaction each in {write.TotalSeconds:0.00} s ({replayInstances / write.TotalSeconds:0}/s, no HTTP), loaded back at start in {replay.TotalMilliseconds:0} ms"));
return 0;
