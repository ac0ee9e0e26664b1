using HelpDesk.Core.Storage;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task The_projection_row_matches_the_ticket_state_after_every_append()
    {
        var ticket = NewTicket();
        var steps = new List<Func<TicketAppend>>
        {
            () => ticket.Open(o => o with
            {
                Impact = Impact.High,
                Urgency = Urgency.Medium,
                Category = "hardware",
                Tags = ["Printer", "office"],
                Fields = new Dictionary<string, string> { ["asset"] = "A-1" },
                ExternalId = "crm-77",
            }),
            () => ticket.Reply("Looking into it."),
            () => ticket.Note("Toner is low."),
            () => ticket.Update(new UpdateTicket { Assignee = new("alice"), Queue = new("hardware") }),
            () => ticket.Update(new UpdateTicket { Priority = Priority.Urgent }),
            () => ticket.Update(new UpdateTicket { AddTags = ["toner"], RemoveTags = ["office"] }),
            () => ticket.Update(new UpdateTicket { Fields = new Dictionary<string, string?> { ["asset"] = null, ["floor"] = "3" } }),
            () => ticket.Update(new UpdateTicket { Status = TicketStatus.Pending }),
            () => ticket.CustomerReply("Still broken."),
            () => ticket.Link(new ExternalLink("jira", "HW-12", "https://jira.example.com/browse/HW-12")),
            () => ticket.Update(new UpdateTicket { Assignee = new(null) }),
            () => ticket.Update(new UpdateTicket { Status = TicketStatus.Solved }),
            () => ticket.Update(new UpdateTicket { Status = TicketStatus.Closed }),
        };

        foreach (var step in steps)
        {
            await AppendedAsync(step());
            AssertSameTicket(ticket.State, await Queries.GetAsync(ticket.Number, CancellationToken.None));
        }

        var final = (await Queries.GetAsync(ticket.Number, CancellationToken.None))!;
        Assert.Equal((TicketStatus.Closed, Priority.Urgent, (string?)null, "hardware"), (final.Status, final.Priority, final.Assignee, final.Queue));
        Assert.Equal(["printer", "toner"], final.Tags);
        Assert.Equal(["floor=3"], final.Fields.Select(f => $"{f.Key}={f.Value}"));
        Assert.Equal((3, 1), (final.PublicMessageCount, final.InternalNoteCount));
        Assert.NotNull(final.FirstAgentReplyAt);
        Assert.NotNull(final.SolvedAt);
        Assert.Equal(final.UpdatedAt, final.ClosedAt);
        Assert.True(final.CreatedAt < final.FirstAgentReplyAt);
    }

    [Fact]
    public async Task Getting_a_number_that_holds_no_ticket_returns_null()
    {
        await OpenTicketAsync();

        Assert.Null(await Queries.GetAsync(999, CancellationToken.None));
    }

    [Fact]
    public async Task Messages_are_the_description_replies_and_notes_in_order_with_their_authors()
    {
        var ticket = await OpenTicketAsync(o => o with { Description = "The printer is jammed." });
        await AppendedAsync(ticket.Reply("Open the tray."));
        await AppendedAsync(ticket.Note("Third time this week."));
        await AppendedAsync(ticket.CustomerReply("Done, thanks."));

        var messages = await Queries.MessagesAsync(ticket.Number, includeInternal: true, CancellationToken.None);

        Assert.Equal(["description", "reply", "note", "reply"], messages.Select(m => m.Kind));
        Assert.Equal(["The printer is jammed.", "Open the tray.", "Third time this week.", "Done, thanks."], messages.Select(m => m.Body));
        Assert.Equal([MessageVisibility.Public, MessageVisibility.Public, MessageVisibility.Internal, MessageVisibility.Public], messages.Select(m => m.Visibility));
        Assert.Equal([ActorKind.Customer, ActorKind.Agent, ActorKind.Agent, ActorKind.Customer], messages.Select(m => m.Author.Kind));
        Assert.Equal(ticket.State.Requester!.Email, messages[0].Author.Id);
        Assert.Equal(TicketHistory.Agent, messages[1].Author);
        Assert.Equal([1, 2, 4, 5], messages.Select(m => m.Version));
        Assert.Equal(ticket.State.CreatedAt, messages[0].At);
        Assert.Equal(ticket.State.UpdatedAt, messages[3].At);
    }

    [Fact]
    public async Task Messages_for_a_customer_leave_out_internal_notes()
    {
        var ticket = await OpenTicketAsync();
        await AppendedAsync(ticket.Note("Customer is on the VIP list."));
        await AppendedAsync(ticket.Reply("We are on it."));

        var messages = await Queries.MessagesAsync(ticket.Number, includeInternal: false, CancellationToken.None);

        Assert.Equal(["description", "reply"], messages.Select(m => m.Kind));
        Assert.DoesNotContain(messages, m => m.Visibility == MessageVisibility.Internal);
    }
}
