using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CimCloud.Cimom.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.CimXml;

/// <summary>
/// One real server per test class: <c>dotnet cimcloud.dll serve --listen http://127.0.0.1:0 --cimxml http://127.0.0.1:0
/// --user test:secret --mof shared/fixtures/cct.mof</c>. Ready once it printed both <c>listening on .../wsman</c> and
/// <c>listening on .../cimom</c>; killed on dispose. Tests that change data use their own instances.
/// </summary>
public sealed partial class CimXmlServerProcess : IAsyncLifetime
{
    public const string User = "test";
    public const string Password = "secret";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private Uri? _cimXml;
    private Uri? _wsMan;

    /// <summary>e.g. <c>http://127.0.0.1:40123/cimom</c>.</summary>
    public Uri CimXmlEndpoint => _cimXml ?? throw new InvalidOperationException("the server is not running; call Require(output) first");

    public Uri WsManEndpoint => _wsMan ?? throw new InvalidOperationException("the server is not running; call Require(output) first");

    /// <summary>The wbemcli object path prefix: <c>http://test:secret@127.0.0.1:PORT/root/cimv2</c>.</summary>
    public string WbemPrefix => $"http://{User}:{Password}@{CimXmlEndpoint.Host}:{CimXmlEndpoint.Port}/root/cimv2";

    public bool Require(ITestOutputHelper output)
    {
        if (SharedInputs.CctFixture(output) is null)
            return false;
        output.WriteLine($"server: {CimXmlEndpoint} and {WsManEndpoint}");
        return true;
    }

    public async Task InitializeAsync()
    {
        if (SharedData.FixturesDir is not { } fixtures)
            return;
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
                     CimCloudCli.DllPath, "serve", "--listen", "http://127.0.0.1:0", "--cimxml", "http://127.0.0.1:0",
                     "--user", $"{User}:{Password}", "--mof", Path.Combine(fixtures, "cct.mof"),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var cimXml = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var wsMan = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_output)
                _output.AppendLine(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } m)
            {
                var url = new Uri(m.Groups["url"].Value);
                (url.AbsolutePath.EndsWith("/cimom", StringComparison.Ordinal) ? cimXml : wsMan).TrySetResult(url);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_output)
                _output.AppendLine(e.Data);
        };
        if (!process.Start())
            throw new InvalidOperationException("could not start the server");
        _process = process;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var both = Task.WhenAll(cimXml.Task, wsMan.Task);
        var first = await Task.WhenAny(both, process.WaitForExitAsync(), Task.Delay(StartTimeout));
        if (first == both)
        {
            _cimXml = await cimXml.Task;
            _wsMan = await wsMan.Task;
            return;
        }

        await DisposeAsync();
        throw new InvalidOperationException($"cimcloud serve --cimxml did not print both listening lines within {StartTimeout.TotalSeconds:0} s:\n{Output}");
    }

    public Task DisposeAsync()
    {
        var process = _process;
        _process = null;
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

    public string Output
    {
        get
        {
            lock (_output)
                return _output.Length > 6000 ? _output.ToString(0, 6000) + "..." : _output.ToString();
        }
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    [GeneratedRegex(@"^listening on (?<url>https?://\S+)\s*$")]
    private static partial Regex ListeningLine();
}
