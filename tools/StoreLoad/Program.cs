using System.Globalization;
using CimCloud.Tools.StoreLoad;

// dotnet run -c Release --project tools/StoreLoad -- [--seconds 10] [--connections 1,8]
// Write throughput (Create, Put, Delete over WS-Man on loopback) in memory and with the durable store.
var seconds = 10;
int[] connections = [1, 8];
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s) && s > 0:
            seconds = s;
            i++;
            break;
        case "--connections" when i + 1 < args.Length:
            connections = args[++i].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            break;
        default:
            Console.Error.WriteLine($"cimcloud-store-load: unknown or incomplete option '{args[i]}'; usage: [--seconds N] [--connections 1,8]");
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

return 0;
