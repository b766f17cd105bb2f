using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using CimCloud.Cimom.Tests.TestSupport;
using Xunit;

namespace CimCloud.ConformanceTests.Security;

/// <summary>
/// One server with a users file made by <c>cimcloud users add</c> (roles per namespace), an audit file, an https
/// listener with a <c>cimcloud cert create</c> certificate, a loopback http listener and — when this machine has a
/// non-loopback IPv4 address — a plain http listener on it (no --allow-unencrypted).
/// </summary>
public sealed class SecurityServerFixture : IAsyncLifetime
{
    public const string Password = "Pa55-word";
    public const string CertificatePassword = "cert-pw";

    /// <summary>Read-only in root/cimv2.</summary>
    public const string Reader = "alice";

    /// <summary>Operator in root/cimv2.</summary>
    public const string Operator = "olga";

    /// <summary>Admin in root/cimv2.</summary>
    public const string Admin = "adam";

    /// <summary>Admin in root/other only.</summary>
    public const string Outsider = "nina";

    private readonly string _folder = Directory.CreateTempSubdirectory("cimcloud-security-").FullName;
    private ServeProcess? _server;

    public string AuditFile => Path.Combine(_folder, "audit.jsonl");

    public string UsersFile => Path.Combine(_folder, "users.json");

    public string CertificateFile => Path.Combine(_folder, "server.pfx");

    internal ServeProcess Server => _server ?? throw new InvalidOperationException("the server is not running (shared fixtures missing?)");

    public bool IsRunning => _server is not null;

    public Uri Http => Server.Endpoints.Single(e => e.Scheme == "http" && IPAddress.IsLoopback(IPAddress.Parse(e.Host.Trim('[', ']'))));

    public Uri Https => Server.Endpoints.Single(e => e.Scheme == "https");

    /// <summary>The plain-http listener on a non-loopback address, or null when the machine has none.</summary>
    public Uri? Exposed => _server?.Endpoints.SingleOrDefault(e => e.Scheme == "http" && !IPAddress.IsLoopback(IPAddress.Parse(e.Host.Trim('[', ']'))));

    /// <summary>A non-loopback IPv4 address of this machine that is up, or null.</summary>
    public static IPAddress? NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    internal static CliRun Cli(params string[] args) => CimCloudCli.Run(args);

    public async Task InitializeAsync()
    {
        if (SharedData.FixturesDir is not { } fixtures)
            return;
        foreach (var (user, role, ns) in new[]
                 {
                     (Reader, "read-only", "root/cimv2"), (Operator, "operator", "root/cimv2"), (Admin, "admin", "root/cimv2"), (Outsider, "admin", "root/other"),
                 })
        {
            Check(Cli("users", "add", "--file", UsersFile, user, "--password", Password, "--role", role, "--namespace", ns));
        }

        Check(Cli("cert", "create", "--out", CertificateFile, "--password", CertificatePassword, "--dns", "localhost", "--dns", "127.0.0.1"));
        var args = new List<string>
        {
            "--listen", "http://127.0.0.1:0", "--https", "https://127.0.0.1:0", "--cert", CertificateFile, "--cert-password", CertificatePassword,
            "--users", UsersFile, "--audit", AuditFile, "--mof", Path.Combine(fixtures, "cct.mof"),
        };
        if (NonLoopbackAddress() is { } exposed)
            args.AddRange(["--listen", $"http://{exposed}:0"]);
        _server = await ServeProcess.StartAsync(args.Count(a => a is "--listen" or "--https"), [.. args]);
    }

    /// <summary>A client that trusts exactly the certificate <c>cert create</c> made (not any certificate).</summary>
    public HttpClient HttpsClient()
    {
        using var expected = X509CertificateLoader.LoadPkcs12FromFile(CertificateFile, CertificatePassword);
        var thumbprint = expected.GetCertHashString();
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == thumbprint,
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Check(CliRun run)
    {
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"test setup failed: {run}");
    }
}
