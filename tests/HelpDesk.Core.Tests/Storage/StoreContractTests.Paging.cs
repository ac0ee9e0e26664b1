using HelpDesk.Core.Queries;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    public static TheoryData<TicketSortField, bool> EverySort { get; } =
        new(Enum.GetValues<TicketSortField>().SelectMany(f => new[] { (f, false), (f, true) }));

    [Theory]
    [MemberData(nameof(EverySort))]
    public async Task Listing_sorts_by_the_field_then_by_number_in_the_same_direction(TicketSortField field, bool descending)
    {
        var tickets = await VariedTicketsAsync(12);
        var sort = new TicketSort(field, descending);

        var page = await Queries.ListAsync(new TicketQuery { Sort = sort, Limit = TicketQuery.MaxLimit }, CancellationToken.None);

        Assert.Equal(Ordered(tickets, sort), Numbers(page));
    }

    [Theory]
    [MemberData(nameof(EverySort))]
    public async Task Paging_with_the_cursor_returns_every_ticket_once_in_order(TicketSortField field, bool descending)
    {
        var tickets = await VariedTicketsAsync(23);
        var sort = new TicketSort(field, descending);

        var pages = await ListAllPagesAsync(new TicketQuery { Sort = sort, Limit = 5 }, betweenPages: () => Task.CompletedTask);

        Assert.Equal([5, 5, 5, 5, 3], pages.Select(p => p.Items.Count));
        Assert.Equal(Ordered(tickets, sort), pages.SelectMany(Numbers));
        Assert.Null(pages[^1].Next);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Paging_stays_stable_when_tickets_are_added_between_pages(bool newestFirst)
    {
        var tickets = await VariedTicketsAsync(12);
        var added = new List<long>();

        var pages = await ListAllPagesAsync(
            new TicketQuery { Sort = new TicketSort(TicketSortField.Created, newestFirst), Limit = 5 },
            betweenPages: async () => added.Add((await OpenTicketAsync()).Number));

        var listed = pages.SelectMany(Numbers).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(tickets.Select(t => t.Number).Order(), listed.Except(added).Order());
        Assert.Equal(Ordered(tickets, new TicketSort(TicketSortField.Created, newestFirst)), listed.Except(added));
    }

    [Fact]
    public async Task Only_a_page_with_more_tickets_after_it_carries_a_cursor()
    {
        await OpenTicketsAsync(3);

        var all = await Queries.ListAsync(new TicketQuery { Limit = 3 }, CancellationToken.None);
        var first = await Queries.ListAsync(new TicketQuery { Limit = 2 }, CancellationToken.None);
        var last = await Queries.ListAsync(new TicketQuery { Limit = 2, After = first.Next }, CancellationToken.None);

        Assert.Null(all.Next);
        Assert.NotNull(first.Next);
        Assert.Single(last.Items);
        Assert.Null(last.Next);
    }

    private async Task<List<TicketPage>> ListAllPagesAsync(TicketQuery query, Func<Task> betweenPages)
    {
        var pages = new List<TicketPage> { await Queries.ListAsync(query, CancellationToken.None) };
        while (pages[^1].Next is { } next)
        {
            Assert.True(pages.Count < 100, "The cursor never reached the end.");
            await betweenPages();
            pages.Add(await Queries.ListAsync(query with { After = next }, CancellationToken.None));
        }

        return pages;
    }

    /// <summary>Tickets whose priorities repeat (ties) and whose update order differs from their creation order.</summary>
    private async Task<List<TicketHistory>> VariedTicketsAsync(int count)
    {
        var tickets = new List<TicketHistory>();
        for (var i = 0; i < count; i++)
        {
            tickets.Add(await OpenTicketAsync(o => o with { Priority = (Priority)(i % 4) }));
        }

        foreach (var ticket in tickets.Where((_, i) => i % 3 == 0).Reverse())
        {
            await AppendedAsync(ticket.Update(new UpdateTicket { AddTags = ["touched"] }));
        }

        return tickets;
    }

    private static IEnumerable<long> Ordered(IEnumerable<TicketHistory> tickets, TicketSort sort)
    {
        var keyed = tickets.Select(t => (Key: SortKey(t.State, sort.Field), t.Number));
        var ordered = sort.Descending ? keyed.OrderByDescending(t => t.Key).ThenByDescending(t => t.Number) : keyed.OrderBy(t => t.Key).ThenBy(t => t.Number);
        return ordered.Select(t => t.Number);
    }

    private static long SortKey(TicketState ticket, TicketSortField field) => field switch
    {
        TicketSortField.Created => ticket.CreatedAt.ToUnixTimeMilliseconds(),
        TicketSortField.Updated => ticket.UpdatedAt.ToUnixTimeMilliseconds(),
        TicketSortField.Priority => (long)ticket.Priority,
        _ => ticket.Number,
    };
}
