using System.Text.Json;
using CimCloud.Cimom.Security;
using CimCloud.Cimom.Security.Audit;
using CimCloud.Cimom.Security.Users;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Security;

/// <summary>Password hashing, the users file format and the verifier built on it.</summary>
public sealed class UsersFileTests : IDisposable
{
    // Tests hash with few rounds (the files they load are written directly); one test checks the real default.
    private const int FastIterations = 1000;
    private readonly string _folder = Directory.CreateTempSubdirectory("cimcloud-users-").FullName;

    [Fact]
    public void Hashes_are_salted_PBKDF2_SHA256_with_600000_rounds_by_default()
    {
        var a = PasswordHash.Create("s3cret");
        var b = PasswordHash.Create("s3cret");
        a.Algorithm.Should().Be("PBKDF2-SHA256");
        a.Iterations.Should().BeGreaterThanOrEqualTo(600_000);
        a.Salt.Should().HaveCount(16).And.NotEqual(b.Salt);
        a.Hash.Should().NotEqual(b.Hash, "per-user salts make equal passwords hash differently");
        a.Matches("s3cret").Should().BeTrue();
        a.Matches("s3cret ").Should().BeFalse();
        a.Matches("").Should().BeFalse();
    }

    [Fact]
    public void Saved_file_holds_hashes_and_grants_but_never_the_password_and_loads_back()
    {
        var path = Path.Combine(_folder, "users.json");
        var file = new UsersFile();
        file.AddOrUpdate("alice", PasswordHash.Create("correct horse", FastIterations), new CimRoleGrant(CimRole.ReadOnly, "root/cimv2"));
        file.AddOrUpdate("ALICE", null, new CimRoleGrant(CimRole.Operator, "root/other"));
        file.AddOrUpdate("alice", null, new CimRoleGrant(CimRole.Admin, "ROOT/cimv2")); // same namespace: replaces
        file.AddOrUpdate("bob", PasswordHash.Create("pw", FastIterations), new CimRoleGrant(CimRole.Admin));
        file.Save(path);

        var text = File.ReadAllText(path);
        text.Should().NotContain("correct horse").And.Contain("PBKDF2-SHA256");
        using (JsonDocument.Parse(text))
        {
        }

        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // Rounds below the minimum are refused on load; raise them in the text to load it back.
        var act = () => UsersFile.Load(path);
        act.Should().Throw<InvalidDataException>().WithMessage("*below the minimum of 600000*");
        File.WriteAllText(path, text.Replace("\"iterations\": 1000", "\"iterations\": 600000", StringComparison.Ordinal));
        var loaded = UsersFile.Load(path);
        loaded.Users.Select(u => u.Name).Should().Equal("alice", "bob");
        loaded.Find("Alice")!.Grants.Should().BeEquivalentTo([new CimRoleGrant(CimRole.Operator, "root/other"), new CimRoleGrant(CimRole.Admin, "ROOT/cimv2")]);
        loaded.Find("bob")!.Grants.Should().Equal(new CimRoleGrant(CimRole.Admin));
        loaded.Remove("BOB").Should().BeTrue();
        loaded.Users.Should().ContainSingle();
    }

    [Fact]
    public void Old_plain_text_files_are_refused_with_how_to_convert()
    {
        var path = Path.Combine(_folder, "plain");
        File.WriteAllText(path, "# users\nalice:secret\n");
        var act = () => UsersFile.Load(path);
        act.Should().Throw<InvalidDataException>().WithMessage("*plain-text*cimcloud users add --file*--role*");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"format":"cimcloud-users/1","users":[{"name":"a"}]}""")]
    [InlineData("""{"format":"cimcloud-users/1","users":[{"name":"a","password":{"algorithm":"MD5","iterations":600000,"salt":"AAAAAAAAAAA=","hash":"AAAAAAAAAAAAAAAAAAAAAA=="}}]}""")]
    [InlineData("""{"format":"cimcloud-users/1","users":[{"name":"a","password":{"algorithm":"PBKDF2-SHA256","iterations":600000,"salt":"AAAAAAAAAAA=","hash":"AAAAAAAAAAAAAAAAAAAAAA=="},"grants":[{"role":"root"}]}]}""")]
    [InlineData("""{"format":"cimcloud-users/1","users":[{"name":"a","password":{"algorithm":"PBKDF2-SHA256","iterations":600000,"salt":"%%%","hash":"AAAAAAAAAAAAAAAAAAAAAA=="}}]}""")]
    [InlineData("{ not json")]
    public void Malformed_files_are_refused_naming_the_file(string text)
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, text);
        var act = () => UsersFile.Load(path);
        act.Should().Throw<InvalidDataException>().WithMessage($"{path}: not a valid users file*");
    }

    [Fact]
    public void User_names_with_a_colon_are_refused()
    {
        var act = () => new UsersFile().AddOrUpdate("a:b", PasswordHash.Create("x", FastIterations), new CimRoleGrant(CimRole.Admin));
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Verifier_accepts_the_right_password_any_name_case_and_falls_back_for_other_names()
    {
        var alice = new UserAccount("alice", PasswordHash.Create("pw", FastIterations), [new CimRoleGrant(CimRole.Operator, "root/cimv2")]);
        var fallback = new FixedVerifier("root", "rootpw");
        var verifier = new UsersFileVerifier([alice], fallback);

        var principal = verifier.Verify("ALICE", "pw", "192.0.2.1");
        principal.Should().NotBeNull();
        principal!.Name.Should().Be("alice");
        principal.RoleIn("root/cimv2").Should().Be(CimRole.Operator);
        principal.RoleIn("root/other").Should().BeNull();
        verifier.Verify("alice", "pw", null).Should().Be(principal, "the second check is answered from the cache");
        verifier.Verify("alice", "PW", null).Should().BeNull();
        verifier.Verify("root", "rootpw", null)!.RoleIn("anything").Should().Be(CimRole.Admin);
        verifier.Verify("nobody", "pw", null).Should().BeNull();
    }

    [Fact]
    public void Login_failures_are_audited_and_successes_are_not()
    {
        var audit = new MemoryAuditLog();
        var verifier = new AuditingCredentialVerifier(new FixedVerifier("root", "rootpw"), audit);
        verifier.Verify("root", "rootpw", "192.0.2.1").Should().NotBeNull();
        verifier.Verify("root", "guess", "192.0.2.7").Should().BeNull();
        audit.Records.Should().ContainSingle().Which.Should().Match<CimAuditRecord>(r =>
            r.Operation == "Login" && r.User == "root" && r.RemoteAddress == "192.0.2.7" && r.Outcome == CimAuditOutcome.Failure);
    }

    [Theory]
    [InlineData("read-only", CimRole.ReadOnly)]
    [InlineData("READONLY", CimRole.ReadOnly)]
    [InlineData("operator", CimRole.Operator)]
    [InlineData("Admin", CimRole.Admin)]
    public void Role_names_parse_case_insensitively_and_format_back(string text, CimRole role)
    {
        RoleNames.TryParse(text, out var parsed).Should().BeTrue();
        parsed.Should().Be(role);
        RoleNames.TryParse(RoleNames.Format(role), out var again).Should().BeTrue();
        again.Should().Be(role);
        RoleNames.TryParse("root", out _).Should().BeFalse();
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

    private sealed class FixedVerifier(string name, string password) : ICimCredentialVerifier
    {
        public CimPrincipal? Verify(string userName, string given, string? remoteAddress) =>
            userName == name && given == password ? CimPrincipal.Administrator(name) : null;
    }
}
