using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.WsMan;

/// <summary>What one Dell wsl command did: exit code, console output and the envelopes it saved.</summary>
internal sealed record WslRun(CliRun Process, IReadOnlyList<string> Requests, IReadOnlyList<string> Responses, string Log)
{
    /// <summary>The last response (the one wsl displays last and copies to response.xml).</summary>
    public string LastResponse => Responses.Count > 0 ? Responses[^1] : throw new InvalidOperationException("wsl saved no response\n" + this);

    public override string ToString() =>
        $"{Process}\n--- wsl log.txt ---\n{WsManClients.Clip(Log)}\n--- last request ---\n{(Requests.Count > 0 ? WsManClients.Clip(Requests[^1]) : "")}" +
        $"\n--- last response ---\n{(Responses.Count > 0 ? WsManClients.Clip(Responses[^1]) : "")}";
}

/// <summary>
/// Runs Dell's <c>wsl</c> scripts (Debian package wsl) as a user would, non-interactively, in a private HOME:
/// <c>WSENDPOINT=127.0.0.1:PORT WSUSER WSPASS WSNOSSL=1 IPINTERACTIVE=0 KEEPHISTORY=0 WSDEFAULTSCHEMA=schemas.dmtf.org</c>
/// (wsl sends class names that do not start with CIM_ under <c>http://$WSDEFAULTSCHEMA/wbem/wscim/1/cim-schema/2</c>).
/// wsl writes every envelope it sends and receives to <c>request-N.xml</c> / <c>response-N.xml</c> in its current
/// folder (OUTPREFIX), reformatted by <c>xmllint --format</c>; the tests read those. Each command runs in its own folder.
/// </summary>
internal sealed partial class DellWsl(WsManServerProcess server, ITestOutputHelper output) : IDisposable
{
    private readonly TestFolder _home = new();
    private int _runs;

    public WslRun Run(string command, params string[] args)
    {
        var folder = Path.Combine(_home.Path, $"{++_runs:00}-{command}");
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = _home.Path, // wsl reads and writes ~/.wsl-config
            ["SHELL"] = "/bin/bash", // the wsl wrapper runs its sub-scripts with ${SHELL}
            ["WSENDPOINT"] = server.HostAndPort,
            ["WSUSER"] = WsManServerProcess.User,
            ["WSPASS"] = WsManServerProcess.Password,
            ["WSNOSSL"] = "1",
            ["IPINTERACTIVE"] = "0",
            ["KEEPHISTORY"] = "0",
            ["WSDEFAULTSCHEMA"] = "schemas.dmtf.org",
            ["OUTLEVEL"] = "1",
        };
        foreach (var inherited in new[]
                 {
                     "OUTPREFIX", "LOGFILE", "RETURNFILE", "RTFILEPREFIX", "USEWGET", "FORMATDISPLAY", "DATETIMESTAMP", "ECHOCMD",
                     "SETFLAG1", "SETFLAG2", "WSENUMOPTIMIZE", "WSENUMMAXELEM", "WSOPERATIONTIMEOUT", "WSMAXENVELOPESIZE",
                     "WSENCODE", "WSAUTOMATED", "WSLNOINIT", "SHOWHISTORY", "WGETTIMEOUTSECS", "WGETTRYNUM",
                 })
        {
            environment[inherited] = null;
        }

        var process = WsManClients.Run(output, command, args, folder, environment);
        var run = new WslRun(process, Numbered(folder, "request"), Numbered(folder, "response"),
            File.Exists(Path.Combine(folder, "log.txt")) ? File.ReadAllText(Path.Combine(folder, "log.txt")) : "");
        output.WriteLine($"  wsl exchanged {run.Responses.Count} envelope(s)");
        return run;
    }

    public void Dispose() => _home.Dispose();

    private static List<string> Numbered(string folder, string kind) =>
        Directory.GetFiles(folder, kind + "-*.xml")
            .Select(f => (File: f, Match: NumberedFile().Match(Path.GetFileName(f))))
            .Where(x => x.Match.Success && x.Match.Groups["kind"].Value == kind)
            .OrderBy(x => int.Parse(x.Match.Groups["n"].Value, CultureInfo.InvariantCulture))
            .Select(x => File.ReadAllText(x.File))
            .ToList();

    [GeneratedRegex(@"^(?<kind>request|response)-(?<n>\d+)\.xml$")]
    private static partial Regex NumberedFile();
}
