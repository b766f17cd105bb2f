using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace CimCloud.ConformanceTests;

/// <summary>What one run of the CLI did.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Lines(Stdout);

    public string[] StderrLines => Lines(Stderr);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Clip(Stdout)}\n--- stderr ---\n{Clip(Stderr)}";

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    private static string Clip(string text) => text.Length > 4000 ? text[..4000] + "..." : text;
}

/// <summary>
/// Runs the built <c>cimcloud</c> CLI as a separate process (<c>dotnet cimcloud.dll ...</c>). The dll's path is
/// baked in at build time (see ConformanceTests.csproj); <c>$CIMCLOUD_CLI</c> overrides it.
/// </summary>
internal static class CimCloudCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string DllPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("CIMCLOUD_CLI");
            if (string.IsNullOrEmpty(path))
            {
                path = typeof(CimCloudCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .FirstOrDefault(a => a.Key == "CimCloudCliPath")?.Value;
            }

            if (string.IsNullOrEmpty(path) || !File.Exists(path))
                throw new InvalidOperationException($"the cimcloud CLI was not found at '{path}'; build tools/cimcloud (dotnet build CimCloud.sln) or set CIMCLOUD_CLI");
            return path;
        }
    }

    public static CliRun Run(params string[] args) => RunIn(null, args);

    public static CliRun RunIn(string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var a in args)
            start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cimcloud {string.Join(' ', args)} did not finish within {Timeout}");
        }

        return new CliRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>The dotnet host running the tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
