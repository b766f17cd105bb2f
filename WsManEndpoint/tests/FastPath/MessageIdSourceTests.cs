using System.Text.RegularExpressions;
using CimCloud.WsManEndpoint.Soap;
using FluentAssertions;
using Xunit;

namespace CimCloud.WsManEndpoint.Tests.FastPath;

/// <summary>Response MessageIDs keep the form clients expect and never repeat.</summary>
public sealed partial class MessageIdSourceTests
{
    [GeneratedRegex("^uuid:[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$")]
    private static partial Regex UuidForm();

    [Fact]
    public void Ids_are_upper_case_version_4_uuids()
    {
        for (var i = 0; i < 1000; i++)
        {
            var id = SoapEnvelopeWriter.NewMessageId();
            UuidForm().IsMatch(id).Should().BeTrue(id);
            Guid.TryParse(id[5..], out _).Should().BeTrue();
        }
    }

    [Fact]
    public void Ids_do_not_repeat_across_threads()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 20_000; i++)
                ids.Add(MessageIdSource.Next());
        });
        ids.Distinct().Count().Should().Be(160_000);
    }
}
