using System.Text.Json;
using CimCloud.Cimom.Security.Audit;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Security;

public sealed class AuditLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cimcloud-audit-").FullName;

    [Fact]
    public void Each_record_is_one_flushed_JSON_line_with_every_field_and_the_file_is_appended_to()
    {
        var path = Path.Combine(_folder, "sub", "audit.jsonl");
        var time = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        using (var log = new JsonLinesAuditLog(path))
        {
            log.Append(new CimAuditRecord(time, "alice", "192.0.2.1", "CreateInstance", "root/cimv2", "root/cimv2:CCT_Base.InstanceID=\"a\nb\"", CimAuditOutcome.Success));
            // Readable by another process before the log is closed: each line is flushed.
            using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            new StreamReader(reader).ReadToEnd().Should().EndWith("\n").And.Contain("\"user\":\"alice\"");
        }

        using (var log = new JsonLinesAuditLog(path))
            log.Append(new CimAuditRecord(time, null, null, "Login", null, null, CimAuditOutcome.Failure, "wrong \"password\""));

        var lines = File.ReadAllLines(path);
        lines.Should().HaveCount(2);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        root.GetProperty("time").GetString().Should().Be("2026-11-28T12:00:00.0000000Z");
        root.GetProperty("user").GetString().Should().Be("alice");
        root.GetProperty("remoteAddress").GetString().Should().Be("192.0.2.1");
        root.GetProperty("operation").GetString().Should().Be("CreateInstance");
        root.GetProperty("namespace").GetString().Should().Be("root/cimv2");
        root.GetProperty("objectPath").GetString().Should().Be("root/cimv2:CCT_Base.InstanceID=\"a\nb\"");
        root.GetProperty("outcome").GetString().Should().Be("success");
        using var second = JsonDocument.Parse(lines[1]);
        second.RootElement.GetProperty("user").ValueKind.Should().Be(JsonValueKind.Null);
        second.RootElement.GetProperty("error").GetString().Should().Be("wrong \"password\"");
    }

    [Fact]
    public async Task Concurrent_appends_never_interleave()
    {
        var path = Path.Combine(_folder, "audit.jsonl");
        using (var log = new JsonLinesAuditLog(path))
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            {
                for (var i = 0; i < 200; i++)
                    log.Append(new CimAuditRecord(DateTimeOffset.UtcNow, $"user{t}", null, "DeleteInstance", "root/cimv2", new string('x', 300), CimAuditOutcome.Success));
            })));
        }

        var lines = File.ReadAllLines(path);
        lines.Should().HaveCount(1600);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            doc.RootElement.GetProperty("objectPath").GetString().Should().HaveLength(300);
        }
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
