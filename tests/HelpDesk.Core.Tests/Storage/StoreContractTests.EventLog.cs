using HelpDesk.Core.Storage;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Appended_events_read_back_in_order_with_versions_actor_time_and_data()
    {
        var ticket = NewTicket();
        var appends = new[]
        {
            ticket.Open(o => o with { Tags = ["printer"], Fields = new Dictionary<string, string> { ["asset"] = "A-1" } }),
            ticket.Reply("Have you tried turning it off and on?"),
            ticket.CustomerReply("Yes, twice."),
        };
        foreach (var append in appends)
        {
            await AppendedAsync(append);
        }

        var stored = await Store.ReadTicketAsync(ticket.Number, CancellationToken.None);

        var written = appends.SelectMany(a => a.Events).ToList();
        Assert.Equal(["ticket-opened", "agent-replied", "status-changed", "customer-replied"], stored.Select(e => e.Type));
        Assert.Equal([1, 2, 3, 4], stored.Select(e => e.Version));
        Assert.All(stored, e => Assert.Equal(ticket.Number, e.Ticket));
        Assert.Equal(written.Select(e => e.Actor), stored.Select(e => e.Event.Actor));
        Assert.Equal(written.Select(e => e.At), stored.Select(e => e.Event.At));
        Assert.Equal(written.Select(TicketEventJson.Serialize), stored.Select(e => TicketEventJson.Serialize(e.Event)));
    }

    [Fact]
    public async Task Reading_a_ticket_that_was_never_written_returns_no_events()
    {
        await OpenTicketAsync();

        Assert.Empty(await Store.ReadTicketAsync(999, CancellationToken.None));
    }

    [Fact]
    public async Task Appending_on_a_stale_version_is_a_conflict_and_writes_nothing()
    {
        var ticket = await OpenTicketAsync();
        var otherActivation = ticket.Fork();
        await AppendedAsync(ticket.Reply("First answer."));
        var before = await Queries.GetAsync(ticket.Number, CancellationToken.None);
        var eventsBefore = await ScalarAsync("SELECT COUNT(*) FROM ticket_events");
        var textsBefore = await ScalarAsync("SELECT COUNT(*) FROM ticket_texts");

        var outcome = await Store.AppendAsync(otherActivation.Note("Written on a stale version."));

        Assert.Equal(AppendOutcome.VersionConflict, outcome);
        Assert.Equal(eventsBefore, await ScalarAsync("SELECT COUNT(*) FROM ticket_events"));
        Assert.Equal(textsBefore, await ScalarAsync("SELECT COUNT(*) FROM ticket_texts"));
        Assert.Equal([1, 2, 3], (await Store.ReadTicketAsync(ticket.Number, CancellationToken.None)).Select(e => e.Version));
        AssertSameTicket(before!, await Queries.GetAsync(ticket.Number, CancellationToken.None));
    }

    [Fact]
    public async Task Opening_a_number_that_already_has_events_is_a_conflict()
    {
        var ticket = await OpenTicketAsync();

        var outcome = await Store.AppendAsync(new TicketHistory(ticket.Number, Clock).Open(o => o with { Subject = "Imposter" }));

        Assert.Equal(AppendOutcome.VersionConflict, outcome);
        AssertSameTicket(ticket.State, await Queries.GetAsync(ticket.Number, CancellationToken.None));
    }

    [Fact]
    public async Task Two_appends_on_the_same_version_at_once_one_wins_and_the_other_conflicts()
    {
        var ticket = await OpenTicketAsync();
        var rival = ticket.Fork();

        var outcomes = await Task.WhenAll(Store.AppendAsync(ticket.Reply("Mine.")), Store.AppendAsync(rival.Note("No, mine.")));

        Assert.Equal([AppendOutcome.Appended, AppendOutcome.VersionConflict], outcomes.Order());
        await AssertOnlyWinnerWrittenAsync(outcomes[0] == AppendOutcome.Appended ? ticket : rival);
    }

    [Fact]
    public async Task An_append_that_fails_to_write_fails_alone_and_leaves_no_trace()
    {
        var good = Enumerable.Range(0, 20).Select(_ => NewTicket()).ToList();
        var broken = NewTicket();
        var unwritable = broken.Open() with { Result = new TicketState() }; // no requester: the projection row cannot be written

        // Queued together, so the broken append shares a transaction with good ones.
        var before = good.Take(10).Select(t => Store.AppendAsync(t.Open())).ToList();
        var failing = Store.AppendAsync(unwritable);
        var after = good.Skip(10).Select(t => Store.AppendAsync(t.Open())).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => failing);
        Assert.All(await Task.WhenAll(before.Concat(after)), outcome => Assert.Equal(AppendOutcome.Appended, outcome));
        Assert.Empty(await Store.ReadTicketAsync(broken.Number, CancellationToken.None));
        Assert.Null(await Queries.GetAsync(broken.Number, CancellationToken.None));
        AssertCompleteFeed(good, await ReadFeedAsync(Store, after: 0, pageSize: 100));
    }

    [Fact]
    public async Task Global_positions_increase_in_commit_order_and_pages_neither_skip_nor_repeat()
    {
        var tickets = new List<TicketHistory>();
        for (var i = 0; i < 5; i++)
        {
            tickets.Add(await OpenTicketAsync());
        }

        foreach (var ticket in tickets)
        {
            await AppendedAsync(ticket.Note($"Note on {ticket.Number}."));
        }

        var all = await Store.ReadAllAsync(0, 1_000, CancellationToken.None);
        var paged = await ReadFeedAsync(Store, after: 0, pageSize: 3);

        Assert.Equal(10, all.Count);
        AssertStrictlyIncreasing(all.Select(e => e.Position));
        Assert.Equal(tickets.Select(t => (t.Number, 1)).Concat(tickets.Select(t => (t.Number, 2))), all.Select(e => (e.Ticket, e.Version)));
        Assert.Equal(all.Select(e => e.Position), paged.Select(e => e.Position));
        Assert.Equal(all.Skip(4).Select(e => e.Position), (await ReadFeedAsync(Store, after: all[3].Position, pageSize: 4)).Select(e => e.Position));
    }

    [Fact]
    public async Task Two_hundred_tickets_appended_at_once_through_one_writer_all_land_once_in_a_gapless_feed()
    {
        var tickets = Enumerable.Range(0, 200).Select(_ => NewTicket()).ToList();

        var opened = await Task.WhenAll(tickets.Select(t => Store.AppendAsync(t.Open())));
        var replied = await Task.WhenAll(tickets.Select(t => Store.AppendAsync(t.Reply($"Reply to {t.Number}."))));

        Assert.All(opened.Concat(replied), o => Assert.Equal(AppendOutcome.Appended, o));
        AssertCompleteFeed(tickets, await ReadFeedAsync(Store, after: 0, pageSize: 7));
    }

    [Fact]
    public async Task Two_silos_appending_at_once_never_let_a_feed_reader_skip_an_event()
    {
        var stores = new[] { Store, NewStore(Connect()) };
        var tickets = Enumerable.Range(0, 120).Select(_ => NewTicket()).ToList();
        var writing = Task.WhenAll(tickets.Select((t, i) => WriteConversationAsync(stores[i % 2], t)));

        var seen = await FollowFeedUntilAsync(writing);

        AssertCompleteFeed(tickets, seen);
    }

    [Fact]
    public async Task Two_silos_appending_the_same_version_of_a_ticket_one_wins_and_the_other_conflicts()
    {
        var ticket = await OpenTicketAsync();
        var otherSilo = NewStore(Connect());
        var rival = ticket.Fork();

        var outcomes = await Task.WhenAll(Store.AppendAsync(ticket.Reply("From silo one.")), otherSilo.AppendAsync(rival.Note("From silo two.")));

        Assert.Equal([AppendOutcome.Appended, AppendOutcome.VersionConflict], outcomes.Order());
        await AssertOnlyWinnerWrittenAsync(outcomes[0] == AppendOutcome.Appended ? ticket : rival);
    }

    private async Task AssertOnlyWinnerWrittenAsync(TicketHistory winner)
    {
        var versions = (await Store.ReadTicketAsync(winner.Number, CancellationToken.None)).Select(e => e.Version);
        Assert.Equal(Enumerable.Range(1, winner.State.Version), versions);
        AssertSameTicket(winner.State, await Queries.GetAsync(winner.Number, CancellationToken.None));
    }

    private static async Task WriteConversationAsync(SqlTicketEventStore store, TicketHistory ticket)
    {
        // Appends of one ticket are sequential, as its grain makes them; different tickets race freely.
        Assert.Equal(AppendOutcome.Appended, await store.AppendAsync(ticket.Open()));
        Assert.Equal(AppendOutcome.Appended, await store.AppendAsync(ticket.Reply($"Reply to {ticket.Number}.")));
    }

    /// <summary>Reads the feed as a subscriber does, from its last position, while <paramref name="writing"/> runs and then to its end.</summary>
    private async Task<List<StoredTicketEvent>> FollowFeedUntilAsync(Task writing)
    {
        var subscriber = NewStore(Connect());
        var seen = new List<StoredTicketEvent>();
        while (true)
        {
            // Looked at before reading: an empty page read after every append completed proves the end of the feed.
            var writersDone = writing.IsCompleted;
            var page = await subscriber.ReadAllAsync(seen.Count == 0 ? 0 : seen[^1].Position, 50, CancellationToken.None);
            seen.AddRange(page);
            if (page.Count == 0 && writersDone)
            {
                await writing;
                return seen;
            }

            if (page.Count == 0)
            {
                await Task.Yield();
            }
        }
    }

    private static async Task<List<StoredTicketEvent>> ReadFeedAsync(SqlTicketEventStore store, long after, int pageSize)
    {
        var events = new List<StoredTicketEvent>();
        while (await store.ReadAllAsync(after, pageSize, CancellationToken.None) is { Count: > 0 } page)
        {
            Assert.True(page.Count <= pageSize);
            events.AddRange(page);
            after = page[^1].Position;
        }

        return events;
    }

    /// <summary>Every event of every ticket is there exactly once, each ticket's in version order, and positions only go up.</summary>
    private static void AssertCompleteFeed(List<TicketHistory> tickets, List<StoredTicketEvent> feed)
    {
        var written = tickets.SelectMany(t => Enumerable.Range(1, t.State.Version).Select(v => (t.Number, v)));
        Assert.Equal(written.Order(), feed.Select(e => (e.Ticket, e.Version)).Order());
        Assert.All(feed.GroupBy(e => e.Ticket), events => Assert.Equal(events.Select(e => e.Version).Order(), events.Select(e => e.Version)));
        AssertStrictlyIncreasing(feed.Select(e => e.Position));
    }

    private static void AssertStrictlyIncreasing(IEnumerable<long> positions)
    {
        var list = positions.ToList();
        Assert.All(list.Zip(list.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"Position {pair.Second} follows {pair.First}."));
    }
}
