using HelpDesk.Core.Queries;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Listing_without_filters_returns_every_ticket()
    {
        var tickets = await OpenTicketsAsync(4);

        var page = await Queries.ListAsync(new TicketQuery(), CancellationToken.None);

        Assert.Equal(tickets.Select(t => t.Number).Order(), Numbers(page).Order());
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Status_filter_returns_tickets_in_any_of_the_given_statuses()
    {
        var fresh = await OpenTicketAsync();
        var open = await TicketInStatusAsync(TicketStatus.Open);
        var pending = await TicketInStatusAsync(TicketStatus.Pending);
        await TicketInStatusAsync(TicketStatus.Solved);

        var page = await Queries.ListAsync(new TicketQuery { Statuses = [TicketStatus.Open, TicketStatus.Pending] }, CancellationToken.None);
        var onlyNew = await Queries.ListAsync(new TicketQuery { Statuses = [TicketStatus.New] }, CancellationToken.None);

        Assert.Equal([open.Number, pending.Number], Numbers(page).Order());
        Assert.Equal([fresh.Number], Numbers(onlyNew));
    }

    [Fact]
    public async Task Priority_filter_returns_tickets_of_the_given_priorities()
    {
        var low = await OpenTicketAsync(o => o with { Priority = Priority.Low });
        await OpenTicketAsync(o => o with { Priority = Priority.Normal });
        var high = await OpenTicketAsync(o => o with { Priority = Priority.High });
        var raised = await OpenTicketAsync(o => o with { Priority = Priority.Normal });
        await AppendedAsync(raised.Update(new UpdateTicket { Priority = Priority.Urgent }));

        var pressing = await Queries.ListAsync(new TicketQuery { Priorities = [Priority.High, Priority.Urgent] }, CancellationToken.None);
        var lowOnly = await Queries.ListAsync(new TicketQuery { Priorities = [Priority.Low] }, CancellationToken.None);

        Assert.Equal([high.Number, raised.Number], Numbers(pressing).Order());
        Assert.Equal([low.Number], Numbers(lowOnly));
    }

    [Fact]
    public async Task Assignee_filter_returns_that_agents_tickets_and_unassigned_returns_tickets_nobody_owns()
    {
        var alices = await AssignedTicketAsync("alice", queue: null);
        await AssignedTicketAsync("bob", queue: null);
        var nobodys = await OpenTicketAsync();
        var released = await AssignedTicketAsync("alice", queue: "billing");
        await AppendedAsync(released.Update(new UpdateTicket { Assignee = new(null) }));

        var alice = await Queries.ListAsync(new TicketQuery { Assignee = "alice" }, CancellationToken.None);
        var unassigned = await Queries.ListAsync(new TicketQuery { Assignee = TicketQuery.Unassigned }, CancellationToken.None);

        Assert.Equal([alices.Number], Numbers(alice));
        Assert.Equal([nobodys.Number, released.Number], Numbers(unassigned).Order());
    }

    [Fact]
    public async Task Queue_filter_returns_tickets_in_that_queue()
    {
        var billing = await AssignedTicketAsync(null, "billing");
        await AssignedTicketAsync(null, "hardware");
        await OpenTicketAsync();

        var page = await Queries.ListAsync(new TicketQuery { Queue = "billing" }, CancellationToken.None);

        Assert.Equal([billing.Number], Numbers(page));
    }

    [Fact]
    public async Task Tag_filter_returns_tickets_that_carry_the_tag_now_whatever_its_case()
    {
        var vip = await OpenTicketAsync(o => o with { Tags = ["vip", "printer"] });
        var tagged = await OpenTicketAsync();
        await AppendedAsync(tagged.Update(new UpdateTicket { AddTags = ["VIP"] }));
        var untagged = await OpenTicketAsync(o => o with { Tags = ["vip"] });
        await AppendedAsync(untagged.Update(new UpdateTicket { RemoveTags = ["vip"] }));
        await OpenTicketAsync(o => o with { Tags = ["vipp"] });

        var page = await Queries.ListAsync(new TicketQuery { Tag = "VIP" }, CancellationToken.None);

        Assert.Equal([vip.Number, tagged.Number], Numbers(page).Order());
    }

    [Fact]
    public async Task Requester_filter_matches_the_email_whatever_its_case()
    {
        var dana = await OpenTicketAsync(o => o with { Requester = o.Requester with { Email = "Dana@Example.com" } });
        await OpenTicketAsync(o => o with { Requester = o.Requester with { Email = "dan@example.com" } });

        var page = await Queries.ListAsync(new TicketQuery { RequesterEmail = "DANA@example.COM" }, CancellationToken.None);

        Assert.Equal([dana.Number], Numbers(page));
    }

    [Fact]
    public async Task Created_range_includes_its_start_and_excludes_its_end()
    {
        var tickets = await OpenTicketsAsync(5);

        var page = await Queries.ListAsync(
            new TicketQuery { CreatedFrom = tickets[1].State.CreatedAt, CreatedTo = tickets[3].State.CreatedAt }, CancellationToken.None);
        var fromOnly = await Queries.ListAsync(new TicketQuery { CreatedFrom = tickets[3].State.CreatedAt }, CancellationToken.None);

        Assert.Equal([tickets[1].Number, tickets[2].Number], Numbers(page).Order());
        Assert.Equal([tickets[3].Number, tickets[4].Number], Numbers(fromOnly).Order());
    }

    [Fact]
    public async Task Filters_combine_with_and()
    {
        var match = await AssignedTicketAsync("alice", "billing");
        await AppendedAsync(match.Update(new UpdateTicket { Priority = Priority.High, AddTags = ["vip"] }));
        var sameButLow = await AssignedTicketAsync("alice", "billing");
        await AppendedAsync(sameButLow.Update(new UpdateTicket { AddTags = ["vip"] }));
        await AssignedTicketAsync("bob", "billing");

        var page = await Queries.ListAsync(
            new TicketQuery { Assignee = "alice", Queue = "billing", Tag = "vip", Priorities = [Priority.High], Statuses = [TicketStatus.New] },
            CancellationToken.None);

        Assert.Equal([match.Number], Numbers(page));
    }

    private async Task<List<TicketHistory>> OpenTicketsAsync(int count)
    {
        var tickets = new List<TicketHistory>();
        for (var i = 0; i < count; i++)
        {
            tickets.Add(await OpenTicketAsync());
        }

        return tickets;
    }

    private async Task<TicketHistory> TicketInStatusAsync(TicketStatus status)
    {
        var ticket = await OpenTicketAsync();
        await AppendedAsync(ticket.Update(new UpdateTicket { Status = status }));
        return ticket;
    }

    private async Task<TicketHistory> AssignedTicketAsync(string? assignee, string? queue)
    {
        var ticket = await OpenTicketAsync();
        await AppendedAsync(ticket.Update(new UpdateTicket { Assignee = new(assignee), Queue = new(queue) }));
        return ticket;
    }
}
