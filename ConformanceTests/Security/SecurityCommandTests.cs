using FluentAssertions;
using Xunit;

namespace CimCloud.ConformanceTests.Security;

/// <summary>The users and cert commands, and serve refusing what it must refuse.</summary>
public sealed class SecurityCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cimcloud-cli-security-").FullName;

    [Fact]
    public void Users_add_list_remove_round_trip_without_storing_the_password()
    {
        var file = Path.Combine(_folder, "users.json");
        CimCloudCli.Run("users", "add", "--file", file, "ops", "--password", "hunter2-secret", "--role", "operator", "--namespace", "root/cimv2").ExitCode.Should().Be(0);
        CimCloudCli.Run("users", "add", "--file", file, "ops", "--role", "read-only").ExitCode.Should().Be(0);
        CimCloudCli.Run("users", "add", "--file", file, "root", "--password", "x", "--role", "admin").ExitCode.Should().Be(0);
        File.ReadAllText(file).Should().NotContain("hunter2-secret").And.Contain("PBKDF2-SHA256");

        var list = CimCloudCli.Run("users", "list", "--file", file);
        list.ExitCode.Should().Be(0, list.ToString());
        list.StdoutLines.Should().Equal("ops: operator@root/cimv2, read-only", "root: admin");

        CimCloudCli.Run("users", "remove", "--file", file, "ROOT").ExitCode.Should().Be(0);
        CimCloudCli.Run("users", "list", "--file", file).StdoutLines.Should().Equal("ops: operator@root/cimv2, read-only");
        var missing = CimCloudCli.Run("users", "remove", "--file", file, "nobody");
        missing.ExitCode.Should().Be(1);
        missing.Stderr.Should().Contain("no user nobody");
    }

    [Fact]
    public void Users_add_refuses_a_new_user_without_password_and_an_unknown_role()
    {
        var file = Path.Combine(_folder, "users.json");
        var noPassword = CimCloudCli.Run("users", "add", "--file", file, "ops", "--role", "admin");
        noPassword.ExitCode.Should().Be(1);
        noPassword.Stderr.Should().Contain("needs a password");
        var badRole = CimCloudCli.Run("users", "add", "--file", file, "ops", "--password", "p", "--role", "root");
        badRole.ExitCode.Should().Be(2);
        badRole.Stderr.Should().Contain("unknown role");
        File.Exists(file).Should().BeFalse();
    }

    [Fact]
    public void Serve_refuses_an_old_plain_text_users_file_saying_how_to_convert()
    {
        var file = Path.Combine(_folder, "users");
        File.WriteAllText(file, "admin:secret\n");
        var run = CimCloudCli.Run("serve", "--listen", "http://127.0.0.1:0", "--users", file);
        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Contain("plain-text").And.Contain("cimcloud users add");
    }

    [Fact]
    public void Cert_create_writes_a_self_signed_server_certificate_with_the_names_asked()
    {
        var pfx = Path.Combine(_folder, "server.pfx");
        var run = CimCloudCli.Run("cert", "create", "--out", pfx, "--password", "pw", "--dns", "cloud.example", "--dns", "192.0.2.10", "--days", "30");
        run.ExitCode.Should().Be(0, run.ToString());
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(pfx, "pw");
        certificate.HasPrivateKey.Should().BeTrue();
        certificate.Subject.Should().Be("CN=cloud.example");
        certificate.Issuer.Should().Be(certificate.Subject);
        certificate.NotAfter.Should().BeCloseTo(DateTime.Now.AddDays(30), TimeSpan.FromDays(1));
        var san = certificate.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509SubjectAlternativeNameExtension>().Single();
        san.EnumerateDnsNames().Should().Equal("cloud.example");
        san.EnumerateIPAddresses().Select(a => a.ToString()).Should().Equal("192.0.2.10");
        run.Stdout.Should().Contain("SHA-256");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
