using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CimCloud.ConformanceTests.Serving;

/// <summary>
/// A real <c>cimcloud serve</c> process on a free loopback port with the user <see cref="User"/>:<see cref="Password"/>
/// and whatever extra arguments the test gives (default backend: the simulated host). Ready once it printed
/// <c>listening on &lt;url&gt;</c>; killed on dispose. <see cref="Output"/> has what it printed, for failure messages.
/// </summary>
public sealed partial class CimCloudServer : IAsyncDisposable
{
    public const string User = "test";
    public const string Password = "secret";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private Process? _process;

    private CimCloudServer()
    {
    }

    public Uri Endpoint { get; private set; } = null!;

    public string Output => $"--- server stdout ---\n{Clip(Read(_stdout))}\n--- server stderr ---\n{Clip(Read(_stderr))}";

    /// <summary>Starts the server; throws (with its output) when it exits or does not listen in time.</summary>
    public static async Task<CimCloudServer> StartAsync(params string[] extraArguments)
    {
        var server = new CimCloudServer();
        var run = await server.RunAsync(extraArguments);
        if (run.Listening is { } endpoint)
        {
            server.Endpoint = endpoint;
            return server;
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"cimcloud serve {string.Join(' ', extraArguments)}: {run.Why}\n{server.Output}");
    }

    /// <summary>Runs a server that is expected not to start: its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> FailToStartAsync(params string[] extraArguments)
    {
        await using var server = new CimCloudServer();
        var run = await server.RunAsync(extraArguments);
        if (run.Listening is not null)
            throw new InvalidOperationException($"cimcloud serve {string.Join(' ', extraArguments)} started, but should not have\n{server.Output}");
        await server._process!.WaitForExitAsync();
        return (server._process.ExitCode, server.Output);
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

    private async Task<(Uri? Listening, string Why)> RunAsync(string[] extraArguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { CimCloudCli.DllPath, "serve", "--listen", "http://127.0.0.1:0", "--user", $"{User}:{Password}" }.Concat(extraArguments))
            start.ArgumentList.Add(arg);

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_stdout)
                _stdout.AppendLine(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } m)
                listening.TrySetResult(new Uri(m.Groups["url"].Value));
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_stderr)
                _stderr.AppendLine(e.Data);
        };
        if (!process.Start())
            throw new InvalidOperationException("could not start " + start.FileName);
        _process = process;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
        if (first == listening.Task)
            return (await listening.Task, "");
        if (first == exited)
        {
            await exited;
            return (null, $"exited with code {process.ExitCode} before listening");
        }

        return (null, $"did not listen within {StartTimeout.TotalSeconds:0} s");
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
            return buffer.ToString();
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
