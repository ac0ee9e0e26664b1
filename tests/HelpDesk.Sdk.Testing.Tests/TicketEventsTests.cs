using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Testing.Tests;

public sealed class TicketEventsTests
{
    private readonly RecordingHelpDeskApi _api = new();

    [Fact]
    public void Opened_carries_the_ticket_in_the_rest_api_s_json()
    {
        var ticket = _api.Seed(Tickets.New(priority: TicketPriority.Urgent, externalId: "ext-1", tags: ["VIP"]));

        var opened = TicketEvents.Opened(ticket, "Help!", position: 7);

        Assert.Equal((7L, ticket.Number, 1, "ticket-opened", "customer", "ada@example.com"), (opened.Position, opened.Ticket, opened.Version, opened.Type, opened.ActorKind, opened.ActorId));
        Assert.Equal(ticket.CreatedAt, opened.At);
        Assert.Equal("urgent", opened.Data.GetProperty("priority").GetString());
        Assert.Equal("Help!", opened.Data.GetProperty("description").GetString());
        Assert.Equal("ada@example.com", opened.Data.GetProperty("requester").GetProperty("email").GetString());
        Assert.Equal("integration", opened.Data.GetProperty("channel").GetString());
        Assert.Equal("vip", opened.Data.GetProperty("tags")[0].GetString());
        Assert.Equal("ext-1", opened.Data.GetProperty("externalId").GetString());
        Assert.False(opened.Data.GetProperty("requester").TryGetProperty("language", out _));
    }

    [Fact]
    public void Status_changed_names_both_statuses_in_kebab_case_at_the_ticket_s_version()
    {
        var ticket = _api.Seed(Tickets.New(), TicketStatus.OnHold);

        var changed = TicketEvents.StatusChanged(ticket, TicketStatus.New);

        Assert.Equal(("status-changed", 2, "agent"), (changed.Type, changed.Version, changed.ActorKind));
        Assert.Equal("new", changed.Data.GetProperty("from").GetString());
        Assert.Equal("on-hold", changed.Data.GetProperty("to").GetString());
    }
}
