using System.Diagnostics;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.WsMan;

/// <summary>
/// The real WS-Management clients the conformance tests drive, installed by <c>.ci/install-clients.sh</c>:
/// Dell <c>wsl</c> (Debian package wsl, with uuid-runtime), pywinrm (Debian python3-winrm, run by /usr/bin/python3) and
/// Intel/DMT <c>@device-management-toolkit/wsman-messages</c> (npm, in <c>ConformanceTests/WsMan/clients/node_modules</c>).
/// A missing client fails the test under CI (<c>CI=true</c>); elsewhere the test says how to install it and returns.
/// </summary>
internal static class WsManClients
{
    private const string InstallHint = "install the WS-Man clients with: sudo bash .ci/install-clients.sh (from the repository root)";

    private static readonly Lazy<string?> ClientsFolder = new(LocateClientsFolder);
    private static readonly Lazy<string?> PyWinRmProblem = new(CheckPyWinRm);

    /// <summary><c>ConformanceTests/WsMan/clients</c> in the source tree (<c>$CIMCLOUD_WSMAN_CLIENTS</c> overrides), or null.</summary>
    public static string? Folder => ClientsFolder.Value;

    public static bool RequireWsl(ITestOutputHelper output)
    {
        var missing = new[] { "wsl", "wslid", "wslget", "wslput", "wslinvoke", "uuidgen", "curl", "xmllint" }
            .Where(tool => FindOnPath(tool) is null).ToList();
        return Require(missing.Count == 0 ? null : $"Dell wsl: not found on PATH: {string.Join(", ", missing)}", output);
    }

    public static bool RequirePyWinRm(ITestOutputHelper output) =>
        Require(PyWinRmProblem.Value ?? (Folder is null ? "the client scripts folder ConformanceTests/WsMan/clients was not found" : null), output);

    public static bool RequireWsManMessages(ITestOutputHelper output)
    {
        string? problem = null;
        if (FindOnPath("node") is null)
            problem = "node is not on PATH";
        else if (Folder is null)
            problem = "the client scripts folder ConformanceTests/WsMan/clients was not found";
        else if (!File.Exists(Path.Combine(Folder, "node_modules", "@device-management-toolkit", "wsman-messages", "package.json")))
            problem = $"@device-management-toolkit/wsman-messages is not installed in {Folder}/node_modules";
        return Require(problem, output);
    }

    /// <summary>Runs a client program and returns what it did; kills it after <paramref name="timeout"/>.</summary>
    public static CliRun Run(
        ITestOutputHelper output, string program, IEnumerable<string> args, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null)
                    start.Environment.Remove(name);
                else
                    start.Environment[name] = value;
            }
        }

        var commandLine = $"{program} {string.Join(' ', start.ArgumentList.Select(Quote))}";
        output.WriteLine($"$ {commandLine}");
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
            throw new TimeoutException($"{commandLine} did not finish within {limit.TotalSeconds:0} s\n{Clip(stdout.GetAwaiter().GetResult())}\n{Clip(stderr.GetAwaiter().GetResult())}");
        }

        var run = new CliRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        output.WriteLine($"  exit {run.ExitCode} after {watch.ElapsedMilliseconds} ms");
        if (run.Stderr.Length > 0)
            output.WriteLine($"  stderr: {Clip(run.Stderr)}");
        return run;
    }

    public static string Clip(string text) => text.Length > 3000 ? text[..3000] + "..." : text;

    public static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    private static bool Require(string? problem, ITestOutputHelper output)
    {
        if (problem is null)
            return true;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"{problem}. Under CI the WS-Man clients are required: {InstallHint}.");
        output.WriteLine($"SKIPPED: {problem}; {InstallHint}.");
        return false;
    }

    private static string? CheckPyWinRm()
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
            return $"{python} not found (pywinrm runs with the system python: Debian python3-winrm)";
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import winrm, xmltodict");
        using var process = Process.Start(start);
        if (process is null)
            return $"could not start {python}";
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"{python} cannot import winrm (Debian package python3-winrm): {stderr.GetAwaiter().GetResult().Trim()}";
    }

    private static string? LocateClientsFolder()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CIMCLOUD_WSMAN_CLIENTS");
        if (!string.IsNullOrEmpty(fromEnvironment))
            return File.Exists(Path.Combine(fromEnvironment, "package.json")) ? Path.GetFullPath(fromEnvironment) : null;

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[]
                     {
                         Path.Combine(directory.FullName, "WsMan", "clients"),
                         Path.Combine(directory.FullName, "ConformanceTests", "WsMan", "clients"),
                     })
            {
                if (File.Exists(Path.Combine(candidate, "package.json")) && File.Exists(Path.Combine(candidate, "winrm_client.py")))
                    return candidate;
            }
        }

        return null;
    }

    private static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@".Contains(c, StringComparison.Ordinal))
        ? arg
        : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
