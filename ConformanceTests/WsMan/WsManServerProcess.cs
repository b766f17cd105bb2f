using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CimCloud.Cimom.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.WsMan;

/// <summary>
/// One real WS-Management server per test class: <c>dotnet cimcloud.dll serve --listen http://127.0.0.1:0
/// --user test:secret --mof shared/fixtures/cct.mof</c>, run as a process. Ready once it printed
/// <c>listening on &lt;url&gt;/wsman</c> (with the port it picked); killed on dispose. Tests that change data create their
/// own instances, so the cct.mof instances stay as loaded for every test of the class.
/// </summary>
public sealed partial class WsManServerProcess : IAsyncLifetime
{
    public const string User = "test";
    public const string Password = "secret";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly IReadOnlyList<string> _extraArguments;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private Process? _process;
    private Uri? _endpoint;

    public WsManServerProcess()
        : this([])
    {
    }

    /// <summary>A server started with <paramref name="extraArguments"/> appended to the usual command line (e.g. <c>--data DIR</c>).</summary>
    internal WsManServerProcess(IReadOnlyList<string> extraArguments)
    {
        _extraArguments = extraArguments;
    }

    /// <summary>The endpoint, e.g. <c>http://127.0.0.1:40123/wsman</c>. Only after <see cref="Require"/> returned true.</summary>
    public Uri Endpoint => _endpoint ?? throw new InvalidOperationException("the server is not running; call Require(output) first");

    /// <summary><c>127.0.0.1:40123</c>, the form Dell wsl takes in WSENDPOINT.</summary>
    public string HostAndPort => $"{Endpoint.Host}:{Endpoint.Port}";

    /// <summary>
    /// True when the server runs. False when the shared fixtures are missing outside CI (the reason went to
    /// <paramref name="output"/>; the test should return); under CI that is a failure.
    /// </summary>
    public bool Require(ITestOutputHelper output)
    {
        if (SharedInputs.CctFixture(output) is null)
            return false;
        _ = Endpoint;
        output.WriteLine($"server: {Endpoint}");
        return true;
    }

    public async Task InitializeAsync()
    {
        if (SharedData.FixturesDir is not { } fixtures)
            return; // Require() explains (or fails under CI).

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[]
                 {
                     CimCloudCli.DllPath, "serve", "--listen", "http://127.0.0.1:0", "--user", $"{User}:{Password}",
                     "--mof", Path.Combine(fixtures, "cct.mof"),
                 }.Concat(_extraArguments))
        {
            start.ArgumentList.Add(arg);
        }

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
            throw new InvalidOperationException("could not start " + Describe(start));
        _process = process;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var first = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(StartTimeout));
        if (first == listening.Task)
        {
            _endpoint = await listening.Task;
            return;
        }

        string why = process.HasExited
            ? $"exited with code {process.ExitCode} before printing 'listening on <url>'"
            : $"did not print 'listening on <url>' within {StartTimeout.TotalSeconds:0} s";
        await DisposeAsync();
        throw new InvalidOperationException($"{Describe(start)} {why}.\n--- stdout ---\n{Clip(Captured(_stdout))}\n--- stderr ---\n{Clip(Captured(_stderr))}");
    }

    public Task DisposeAsync()
    {
        var process = _process;
        _process = null;
        _endpoint = null;
        if (process is null)
            return Task.CompletedTask;
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

        return Task.CompletedTask;
    }

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Output => $"--- server stdout ---\n{Clip(Captured(_stdout))}\n--- server stderr ---\n{Clip(Captured(_stderr))}";

    private static string Captured(StringBuilder buffer)
    {
        lock (buffer)
            return buffer.ToString();
    }

    private static string Describe(ProcessStartInfo start) => $"{start.FileName} {string.Join(' ', start.ArgumentList)}";

    private static string Clip(string text) => text.Length > 6000 ? text[..6000] + "..." : text;

    /// <summary>The dotnet host running the tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    [GeneratedRegex(@"^listening on (?<url>https?://\S+)\s*$")]
    private static partial Regex ListeningLine();
}
