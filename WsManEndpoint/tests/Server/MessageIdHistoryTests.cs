using CimCloud.WsManEndpoint.Soap;
using FluentAssertions;
using Xunit;

namespace CimCloud.WsManEndpoint.Tests.Server;

public class MessageIdHistoryTests
{
    [Fact]
    public void A_repeated_uuid_is_a_duplicate_with_or_without_prefix()
    {
        var history = new MessageIdHistory(8);
        history.TryRecord("u", "uuid:2F1C7E0A-0000-4000-8000-000000000001").Should().BeTrue();
        history.TryRecord("u", "2f1c7e0a-0000-4000-8000-000000000001").Should().BeFalse();
        history.TryRecord("other", "2f1c7e0a-0000-4000-8000-000000000001").Should().BeTrue("histories are per user");
    }

    [Fact]
    public void Non_uuid_ids_are_not_tracked()
    {
        var history = new MessageIdHistory(8);
        history.TryRecord("u", "0").Should().BeTrue();
        history.TryRecord("u", "0").Should().BeTrue("per-session counters (Intel wsman-messages) restart at 0");
    }

    [Fact]
    public void A_forgotten_id_is_accepted_again_once()
    {
        var history = new MessageIdHistory(8);
        const string id = "uuid:2f1c7e0a-0000-4000-8000-000000000002";
        history.TryRecord("u", id).Should().BeTrue();
        history.Forget("u", id);
        history.TryRecord("u", id).Should().BeTrue("a request that faulted may be resent (curl --retry)");
        history.TryRecord("u", id).Should().BeFalse();
    }

    [Fact]
    public void A_forgotten_and_re_recorded_id_stays_remembered_while_its_new_slot_lives()
    {
        var history = new MessageIdHistory(2);
        const string id = "uuid:2f1c7e0a-0000-4000-8000-000000000003";
        history.TryRecord("u", id).Should().BeTrue();
        history.Forget("u", id);
        history.TryRecord("u", "uuid:2f1c7e0a-0000-4000-8000-000000000004").Should().BeTrue();
        history.TryRecord("u", id).Should().BeTrue();
        history.TryRecord("u", id).Should().BeFalse("the re-recorded ID is still among the last two");
    }
}
