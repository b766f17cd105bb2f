using System.CommandLine;
using CimCloud.Tools.WsManLoad;

// dotnet run -c Release --project tools/WsManLoad -- [--connections 16] [--seconds 10] [--instances 100000] [--scenario all|identify|get|enumerate|alloc]
var parse = LoadCommand.Create().Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"cimcloud-wsman-load: {error.Message}");
    return 2;
}

// The action handles SIGINT/SIGTERM itself (it stops both servers and says why), so System.CommandLine's own
// termination handling, which would return 130 without waiting for that, is switched off.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
