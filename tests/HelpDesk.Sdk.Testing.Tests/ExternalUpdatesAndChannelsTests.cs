using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Sdk.Testing.Tests;

/// <summary>The test kit's external updates, linked-item lookups and channel replies follow the hub's rules.</summary>
public sealed class ExternalUpdatesAndChannelsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RecordingHelpDeskApi _api;

    public ExternalUpdatesAndChannelsTests() => _api = new RecordingHelpDeskApi(_time);

    [Fact]
    public async Task Tickets_are_found_by_a_linked_item_newest_first()
    {
        var first = _api.Seed(Tickets.New("First"));
        var second = _api.Seed(Tickets.New("Second"));
        _api.Seed(Tickets.New("Unrelated"));
        await _api.LinkExternalIssueAsync(first.Number, new ExternalReference("jira", "OPS-12"), default);
        await _api.LinkExternalIssueAsync(second.Number, new ExternalReference("jira", "OPS-12"), default);

        var found = await _api.FindByExternalReferenceAsync("jira", "OPS-12", default);

        Assert.Equal([second.Number, first.Number], found.Select(t => t.Number));
        Assert.Empty(await _api.FindByExternalReferenceAsync("github", "OPS-12", default));
    }

    [Fact]
    public async Task An_update_on_a_linked_item_is_recorded_once_and_a_redelivery_changes_nothing()
    {
        var ticket = _api.Seed(Tickets.New());
        await _api.LinkExternalIssueAsync(ticket.Number, new ExternalReference("jira", "OPS-12"), default);
        var done = new ExternalUpdate("jira", "OPS-12") { Status = "Done", IsResolved = true, Author = "Eve" };

        var first = await _api.RecordExternalUpdateAsync(ticket.Number, done, default);
        var again = await _api.RecordExternalUpdateAsync(ticket.Number, done, default);

        Assert.Equal(ticket.Version + 2, first.Version);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(done, Assert.Single(_api.ExternalUpdates).Update);
        Assert.Equal(2, _api.CallsTo(nameof(IHelpDeskApi.RecordExternalUpdateAsync)).Count);
    }

    [Fact]
    public async Task Updates_are_refused_as_the_hub_refuses_them()
    {
        var ticket = _api.Seed(Tickets.New());
        await _api.LinkExternalIssueAsync(ticket.Number, new ExternalReference("jira", "OPS-12"), default);

        var notLinked = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.RecordExternalUpdateAsync(ticket.Number, new ExternalUpdate("jira", "OPS-99") { Status = "Done" }, default));
        var empty = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.RecordExternalUpdateAsync(ticket.Number, new ExternalUpdate("jira", "OPS-12"), default));
        var missing = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.RecordExternalUpdateAsync(99, new ExternalUpdate("jira", "OPS-12") { Status = "Done" }, default));
        await _api.ChangeStatusAsync(ticket.Number, TicketStatus.Closed, default);
        var closed = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.RecordExternalUpdateAsync(ticket.Number, new ExternalUpdate("jira", "OPS-12") { Comment = "More." }, default));

        Assert.Equal((HelpDeskApiError.Invalid, "key"), (notLinked.Kind, notLinked.Field));
        Assert.Equal((HelpDeskApiError.Invalid, "status"), (empty.Kind, empty.Field));
        Assert.Equal((HelpDeskApiError.NotFound, "number"), (missing.Kind, missing.Field));
        Assert.Equal((HelpDeskApiError.Conflict, "status"), (closed.Kind, closed.Field));
        Assert.Empty(_api.ExternalUpdates);
    }

    [Fact]
    public async Task A_channel_message_is_added_once_by_its_message_id_and_reopens_a_pending_ticket()
    {
        var ticket = _api.Seed(Tickets.New(), TicketStatus.Pending);
        var email = new InboundMessage("Still broken.") { Channel = TicketChannel.Email, MessageId = "<m1@example.com>" };

        var first = await _api.AddCustomerReplyAsync(ticket.Number, email, default);
        var again = await _api.AddCustomerReplyAsync(ticket.Number, email, default);

        Assert.Equal(TicketStatus.Open, first.Status);
        Assert.Equal(first.Version, again.Version);
        var message = Assert.Single(_api.Messages);
        Assert.Equal((MessageKind.CustomerReply, (TicketChannel?)TicketChannel.Email, "<m1@example.com>"), (message.Kind, message.Channel, message.MessageId));
    }
}
