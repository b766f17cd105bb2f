using System.Net;
using System.Text.Json;
using CimCloud.ConformanceTests.WsMan;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using static CimCloud.ConformanceTests.Security.SecurityServerFixture;

namespace CimCloud.ConformanceTests.Security;

/// <summary>Roles per namespace, enumeration ownership and the audit trail, over WS-Man against the real server.</summary>
public sealed class RolesAndAuditTests(SecurityServerFixture fixture, ITestOutputHelper output) : IClassFixture<SecurityServerFixture>
{
    private static readonly HttpClient Plain = new() { Timeout = TimeSpan.FromSeconds(60) };

    private bool Ready => SharedInputs.CctFixture(output) is not null;

    private WsManCall Call => new(Plain, fixture.Http);

    [Fact]
    public async Task Read_only_reads_but_may_not_invoke_or_change_and_nothing_changes()
    {
        if (!Ready)
            return;
        (await Call.PostAsync(WsManCall.Get("CCT_Host", "host-1"), Reader, Password)).Status.Should().Be(HttpStatusCode.OK);
        (await Call.PostAsync(WsManCall.Enumerate("CCT_Base"), Reader, Password)).Status.Should().Be(HttpStatusCode.OK);

        var id = "ro-" + Guid.NewGuid();
        await Denied(WsManCall.CreateBase(id), Reader);
        await Denied(WsManCall.Ping(), Reader);
        await Denied(WsManCall.PutBase("host-2", "renamed"), Reader);
        await Denied(WsManCall.Delete("CCT_Host", "host-2"), Reader);

        (await Call.PostAsync(WsManCall.Get("CCT_Base", id), Admin, Password)).Subcode.Should().Be("DestinationUnreachable", "the denied Create created nothing");
        var host2 = await Call.PostAsync(WsManCall.Get("CCT_Host", "host-2"), Admin, Password);
        host2.Envelope.Instances().Single()["ElementName"].Should().Be("two", "the denied Put changed nothing and the denied Delete deleted nothing");
    }

    [Fact]
    public async Task Operator_may_invoke_but_not_change_and_admin_may_change()
    {
        if (!Ready)
            return;
        var invoked = await Call.PostAsync(WsManCall.Ping(), Operator, Password);
        invoked.Subcode.Should().NotBe("AccessDenied", "operators may invoke (the fixture has no method provider, so the method itself is unsupported)");
        await Denied(WsManCall.CreateBase("op-" + Guid.NewGuid()), Operator);

        var id = "admin-" + Guid.NewGuid();
        (await Call.PostAsync(WsManCall.CreateBase(id), Admin, Password)).Status.Should().Be(HttpStatusCode.OK);
        (await Call.PostAsync(WsManCall.PutBase(id, "changed"), Admin, Password)).Status.Should().Be(HttpStatusCode.OK);
        (await Call.PostAsync(WsManCall.Delete("CCT_Base", id), Admin, Password)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_role_in_another_namespace_gives_nothing_here()
    {
        if (!Ready)
            return;
        await Denied(WsManCall.Get("CCT_Host", "host-1"), Outsider);
        await Denied(WsManCall.Enumerate("CCT_Base"), Outsider);
    }

    [Fact]
    public async Task Enumeration_contexts_belong_to_the_user_who_opened_them()
    {
        if (!Ready)
            return;
        var opened = await Call.PostAsync(WsManCall.Enumerate("CCT_Base"), Admin, Password);
        opened.Status.Should().Be(HttpStatusCode.OK, opened.ToString());
        var context = WsManCall.ContextOf(opened);

        (await Call.PostAsync(WsManCall.Pull("CCT_Base", context), Reader, Password)).Subcode.Should().Be("InvalidEnumerationContext");
        (await Call.PostAsync(WsManCall.Release("CCT_Base", context), Reader, Password)).Subcode.Should().Be("InvalidEnumerationContext");
        var pulled = await Call.PostAsync(WsManCall.Pull("CCT_Base", context), Admin, Password);
        pulled.Status.Should().Be(HttpStatusCode.OK, "another user's attempts neither used nor released the owner's context: " + pulled);
    }

    [Fact]
    public async Task Audit_file_records_changes_denials_and_login_failures_but_not_reads()
    {
        if (!Ready)
            return;
        var id = "audit-" + Guid.NewGuid();
        (await Call.PostAsync(WsManCall.CreateBase(id), Admin, Password)).Status.Should().Be(HttpStatusCode.OK);
        (await Call.PostAsync(WsManCall.Get("CCT_Base", id), Admin, Password)).Status.Should().Be(HttpStatusCode.OK);
        (await Call.PostAsync(WsManCall.Delete("CCT_Base", id), Reader, Password)).Subcode.Should().Be("AccessDenied");
        (await Call.PostAsync(WsManCall.Delete("CCT_Base", id), Admin, Password)).Status.Should().Be(HttpStatusCode.OK);
        (await Call.PostAsync(WsManCall.Delete("CCT_Base", id), Admin, Password)).Subcode.Should().Be("DestinationUnreachable");
        var wrong = await Call.PostAsync(WsManCall.Get("CCT_Base", id), Admin, "not-" + id);
        wrong.Status.Should().Be(HttpStatusCode.Unauthorized);

        var lines = ReadAudit().Where(l => l.Contains(id, StringComparison.Ordinal) || l.Contains("\"Login\"", StringComparison.Ordinal)).ToList();
        var records = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var mine = records.Where(r => Field(r, "objectPath").Contains(id, StringComparison.Ordinal))
            .Select(r => (Field(r, "user"), Field(r, "operation"), Field(r, "outcome"))).ToList();
        mine.Should().Equal(
            (Admin, "CreateInstance", "success"),
            (Reader, "DeleteInstance", "denied"),
            (Admin, "DeleteInstance", "success"),
            (Admin, "DeleteInstance", "failure"));
        records.Should().Contain(r => Field(r, "operation") == "Login" && Field(r, "user") == Admin && Field(r, "outcome") == "failure");
        records.Should().OnlyContain(r => Field(r, "remoteAddress") == "127.0.0.1" && Field(r, "time").Length > 0);
        records.Where(r => Field(r, "objectPath").Contains(id, StringComparison.Ordinal)).Should().OnlyContain(r => Field(r, "namespace") == "root/cimv2");
        lines.Should().NotContain(l => l.Contains("GetInstance", StringComparison.Ordinal), "reads are not audited by default");
    }

    [Fact]
    public async Task Https_with_a_cert_create_certificate_serves_Basic()
    {
        if (!Ready)
            return;
        using var client = fixture.HttpsClient();
        var call = new WsManCall(client, fixture.Https);
        var reply = await call.PostAsync(WsManCall.Get("CCT_Host", "host-1"), Reader, Password);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.ToString());
        reply.Envelope.Instances().Single()["InstanceID"].Should().Be("host-1");
    }

    [Fact]
    public async Task Basic_over_plain_http_from_another_address_is_refused_with_a_reason()
    {
        if (!Ready)
            return;
        if (fixture.Exposed is not { } exposed)
        {
            output.WriteLine("this machine has no non-loopback IPv4 address; the refusal is covered by the loopback-only rule in unit tests");
            return;
        }

        var call = new WsManCall(Plain, exposed);
        var refused = await call.PostAsync(WsManCall.Get("CCT_Host", "host-1"), Admin, Password);
        refused.Status.Should().Be(HttpStatusCode.Forbidden);
        refused.Body.Should().Contain("--allow-unencrypted").And.Contain("https");
        var anonymous = await call.PostAsync(WsManCall.Get("CCT_Host", "host-1"), null, null);
        anonymous.Status.Should().Be(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.Should().BeEmpty("Basic is not offered over plain HTTP from another address");
    }

    private async Task Denied(string envelope, string user)
    {
        var reply = await Call.PostAsync(envelope, user, Password);
        reply.Status.Should().Be(HttpStatusCode.InternalServerError, reply.ToString());
        reply.Subcode.Should().Be("AccessDenied", reply.ToString());
    }

    private static string Field(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? "" : e.GetProperty(name).GetString()!;

    private List<string> ReadAudit()
    {
        using var stream = new FileStream(fixture.AuditFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
