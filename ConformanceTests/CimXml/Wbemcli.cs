using System.Diagnostics;
using System.Text;

namespace CimCloud.ConformanceTests.CimXml;

/// <summary>
/// Runs sblim <c>wbemcli</c> (Debian package sblim-wbemcli). When it is not installed the test fails and says how to
/// install it — these tests never pass without the real client.
/// </summary>
internal static class Wbemcli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;

        public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static string Path { get; } = Locate();

    public static async Task<Result> RunAsync(params string[] args)
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException(
                "sblim wbemcli is not installed: run 'sudo apt-get install sblim-wbemcli' (or 'sudo bash .ci/install-clients.sh')");
        }

        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start wbemcli");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            var candidate = System.IO.Path.Combine(dir, "wbemcli");
            if (File.Exists(candidate))
                return candidate;
        }

        return "/usr/bin/wbemcli";
    }
}
