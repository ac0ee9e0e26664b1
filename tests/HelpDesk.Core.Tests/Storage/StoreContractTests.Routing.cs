using HelpDesk.Core.Routing;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Routing;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    private static Agent NewAgent(string id, AgentKind kind = AgentKind.Full) =>
        new(id, id.ToUpperInvariant(), $"{id}@example.com", kind, ["en", "ko"], ["billing"], "Asia/Seoul", 8);

    [Fact]
    public async Task Agents_are_saved_replaced_listed_by_kind_and_keep_their_presence_across_edits()
    {
        var store = new RoutingStore(Database, Clock);

        Assert.True(await store.SaveAgentAsync(NewAgent("ana"), CancellationToken.None));
        Assert.True(await store.SaveAgentAsync(NewAgent("kim", AgentKind.Occasional) with { Queues = ["books"], AccessUntil = new DateOnly(2027, 6, 30) }, CancellationToken.None));
        await store.SavePresenceAsync("ana", Presence.Online, Clock.GetUtcNow(), CancellationToken.None);
        Assert.False(await store.SaveAgentAsync(NewAgent("ana") with { Capacity = 3 }, CancellationToken.None));

        var ana = (await store.GetAgentAsync("ana", CancellationToken.None))!;
        Assert.Equal((3, Presence.Online), (ana.Agent.Capacity, ana.Presence));
        Assert.Equal(["en", "ko"], ana.Agent.Languages);
        var kim = Assert.Single(await store.ListAgentsAsync(AgentKind.Occasional, CancellationToken.None));
        Assert.Equal(["books"], kim.Agent.Queues);
        Assert.Equal((new DateOnly(2027, 6, 30), Presence.Offline), (kim.Agent.AccessUntil, kim.Presence));
        Assert.Equal(["ana", "kim"], (await store.ListAgentsAsync(null, CancellationToken.None)).Select(a => a.Agent.Id));
        Assert.True(await store.DeleteAgentAsync("kim", CancellationToken.None));
        Assert.False(await store.DeleteAgentAsync("kim", CancellationToken.None));
    }

    [Fact]
    public async Task Routing_candidates_carry_presence_and_the_count_of_open_tickets_assigned_to_each()
    {
        var store = new RoutingStore(Database, Clock);
        await store.SaveAgentAsync(NewAgent("alice"), CancellationToken.None);
        await store.SaveAgentAsync(NewAgent("bob"), CancellationToken.None);
        await store.SavePresenceAsync("bob", Presence.Away, Clock.GetUtcNow(), CancellationToken.None);
        await AssignedTicketAsync("alice", "billing");
        await AssignedTicketAsync("alice", null);
        var solved = await AssignedTicketAsync("alice", null);
        await AppendedAsync(solved.Update(new UpdateTicket { Status = TicketStatus.Solved }));

        var candidates = await store.CandidatesAsync(["alice", "bob", "nobody"], CancellationToken.None);

        Assert.Equal([("alice", Presence.Offline, 2), ("bob", Presence.Away, 0)], candidates.OrderBy(c => c.Agent.Id).Select(c => (c.Agent.Id, c.Presence, c.OpenTickets)));
    }

    [Fact]
    public async Task Queues_are_saved_replaced_and_deleted()
    {
        var store = new RoutingStore(Database, Clock);
        var queue = new Queue("billing", "Billing", ["alice", "bob"], AssignmentStrategy.LeastLoaded) { RequiredSkills = ["billing"] };

        Assert.True(await store.SaveQueueAsync(queue, CancellationToken.None));
        Assert.False(await store.SaveQueueAsync(queue with { Strategy = AssignmentStrategy.RoundRobin, OnlineOnly = false }, CancellationToken.None));

        var saved = (await store.GetQueueAsync("billing", CancellationToken.None))!;
        Assert.Equal((AssignmentStrategy.RoundRobin, false), (saved.Strategy, saved.OnlineOnly));
        Assert.Equal(["alice", "bob"], saved.Members);
        Assert.Equal(["billing"], saved.RequiredSkills);
        Assert.Single(await store.ListQueuesAsync(CancellationToken.None));
        Assert.True(await store.DeleteQueueAsync("billing", CancellationToken.None));
        Assert.Null(await store.GetQueueAsync("billing", CancellationToken.None));
    }
}
