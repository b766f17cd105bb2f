using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CimCloud.ConformanceTests.Security;

/// <summary>
/// <c>dotnet cimcloud.dll serve ARGS</c> as a process, for tests that need their own options (users files, audit,
/// limits, https). Ready once it printed one <c>listening on &lt;url&gt;</c> line per expected listener; killed on dispose.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<Uri> _endpoints = [];
    private Process? _process;

    private ServeProcess()
    {
    }

    public IReadOnlyList<Uri> Endpoints => _endpoints;

    public Uri Endpoint => _endpoints[0];

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("not running");

    public bool HasExited => _process is null || _process.HasExited;

    public string Output
    {
        get
        {
            lock (_stdout)
            lock (_stderr)
                return $"--- server stdout ---\n{Clip(_stdout.ToString())}\n--- server stderr ---\n{Clip(_stderr.ToString())}";
        }
    }

    /// <summary>Starts the server and waits for <paramref name="listeners"/> listening lines; throws with its output when it does not get there.</summary>
    public static async Task<ServeProcess> StartAsync(int listeners, params string[] args)
    {
        var server = new ServeProcess();
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(CimCloudCli.DllPath);
        start.ArgumentList.Add("serve");
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (server._stdout)
            {
                server._stdout.AppendLine(e.Data);
                if (ListeningLine().Match(e.Data) is { Success: true } m)
                {
                    server._endpoints.Add(new Uri(m.Groups["url"].Value));
                    if (server._endpoints.Count == listeners)
                        ready.TrySetResult();
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (server._stderr)
                server._stderr.AppendLine(e.Data);
        };
        process.Start();
        server._process = process;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var first = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(StartTimeout));
        if (first == ready.Task)
            return server;
        var why = process.HasExited ? $"exited with code {process.ExitCode}" : "did not print its listening lines in time";
        var output = server.Output;
        await server.DisposeAsync();
        throw new InvalidOperationException($"cimcloud serve {string.Join(' ', args)} {why}\n{output}");
    }

    /// <summary>Resident set size of the server process in bytes (Linux /proc), or null elsewhere.</summary>
    public long? ResidentBytes()
    {
        var status = $"/proc/{ProcessId}/status";
        if (!File.Exists(status))
            return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public ValueTask DisposeAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
            return ValueTask.CompletedTask;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            process.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static string Clip(string text) => text.Length > 6000 ? text[..6000] + "..." : text;

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    [GeneratedRegex(@"^listening on (?<url>https?://\S+)\s*$")]
    private static partial Regex ListeningLine();
}
