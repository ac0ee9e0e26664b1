using HelpDesk.Domain.Routing;

namespace HelpDesk.Domain.Tests.Routing;

public sealed class RouterTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static RoutingCandidate Candidate(string id, Presence presence = Presence.Online, int open = 0, int capacity = 10, string[]? languages = null, string[]? skills = null, AgentKind kind = AgentKind.Full) =>
        new(new Agent(id, id, $"{id}@example.com", kind, languages ?? ["en"], skills ?? [], "Europe/Berlin", capacity), presence, open);

    private static readonly RoutingRequest English = new("en", []);

    [Fact]
    public void Round_robin_over_three_online_agents_spreads_300_tickets_100_each()
    {
        RoutingCandidate[] agents = [Candidate("ana"), Candidate("ben"), Candidate("cho")];
        string? last = null;
        var counts = new Dictionary<string, int>();

        for (var i = 0; i < 300; i++)
        {
            last = Router.Pick(agents, English, AssignmentStrategy.RoundRobin, last, Today).Agent!.Id;
            counts[last] = counts.GetValueOrDefault(last) + 1;
        }

        Assert.Equal(new Dictionary<string, int> { ["ana"] = 100, ["ben"] = 100, ["cho"] = 100 }, counts);
    }

    [Fact]
    public void Round_robin_skips_agents_who_are_away_or_offline_and_continues_after_the_last_one_assigned()
    {
        RoutingCandidate[] agents = [Candidate("ana"), Candidate("ben", Presence.Away), Candidate("cho"), Candidate("dan", Presence.Offline)];

        Assert.Equal("cho", Router.Pick(agents, English, AssignmentStrategy.RoundRobin, "ana", Today).Agent!.Id);
        Assert.Equal("ana", Router.Pick(agents, English, AssignmentStrategy.RoundRobin, "cho", Today).Agent!.Id);
        Assert.Equal("cho", Router.Pick(agents, English, AssignmentStrategy.RoundRobin, "ben", Today).Agent!.Id);
    }

    [Fact]
    public void Least_loaded_picks_the_smallest_share_of_capacity_and_never_an_agent_at_capacity()
    {
        RoutingCandidate[] agents = [Candidate("ana", open: 4, capacity: 5), Candidate("ben", open: 5, capacity: 20), Candidate("cho", open: 3, capacity: 3)];

        var decision = Router.Pick(agents, English, AssignmentStrategy.LeastLoaded, null, Today);

        Assert.Equal("ben", decision.Agent!.Id);
        Assert.Contains("5 of 20 open", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Least_loaded_with_everyone_at_capacity_assigns_nobody_and_says_so()
    {
        RoutingCandidate[] agents = [Candidate("ana", open: 5, capacity: 5), Candidate("ben", open: 2, capacity: 2)];

        var decision = Router.Pick(agents, English, AssignmentStrategy.LeastLoaded, null, Today);

        Assert.Null(decision.Agent);
        Assert.Equal("no agent online, below capacity", decision.Reason);
    }

    [Fact]
    public void Filling_by_least_loaded_respects_each_agents_capacity()
    {
        var agents = new List<RoutingCandidate> { Candidate("ana", capacity: 2), Candidate("ben", capacity: 6), Candidate("cho", capacity: 4) };
        var assigned = 0;
        while (Router.Pick(agents, English, AssignmentStrategy.LeastLoaded, null, Today).Agent is { } agent)
        {
            var index = agents.FindIndex(c => c.Agent.Id == agent.Id);
            agents[index] = agents[index] with { OpenTickets = agents[index].OpenTickets + 1 };
            assigned++;
        }

        Assert.Equal(12, assigned);
        Assert.Equal([2, 6, 4], agents.Select(c => c.OpenTickets));
    }

    [Fact]
    public void A_korean_ticket_goes_to_a_korean_speaking_agent_when_one_is_online()
    {
        RoutingCandidate[] agents = [Candidate("ana"), Candidate("ben", languages: ["en", "ko"]), Candidate("cho", languages: ["ko"], presence: Presence.Offline)];

        for (var i = 0; i < 5; i++)
        {
            var decision = Router.Pick(agents, new RoutingRequest("ko-KR", []), AssignmentStrategy.RoundRobin, i % 2 == 0 ? null : "ben", Today);
            Assert.Equal("ben", decision.Agent!.Id);
            Assert.Contains("speaks ko-KR", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void When_no_online_agent_speaks_the_language_the_ticket_still_gets_an_agent_and_the_reason_says_so()
    {
        RoutingCandidate[] agents = [Candidate("ana"), Candidate("cho", languages: ["ko"], presence: Presence.Offline)];

        var decision = Router.Pick(agents, new RoutingRequest("ko", []), AssignmentStrategy.RoundRobin, null, Today);

        Assert.Equal("ana", decision.Agent!.Id);
        Assert.Contains("nobody eligible speaks ko", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Skills_are_required_and_occasional_agents_are_picked_only_when_named_within_their_dates()
    {
        var author = Candidate("kim", kind: AgentKind.Occasional) with { };
        author = author with { Agent = author.Agent with { AccessUntil = new DateOnly(2026, 12, 31) } };
        RoutingCandidate[] agents = [Candidate("ana", skills: ["billing"]), Candidate("ben"), author];

        Assert.Equal("ana", Router.Pick(agents, new RoutingRequest("en", ["Billing"]), AssignmentStrategy.RoundRobin, "ana", Today).Agent!.Id);
        Assert.DoesNotContain("kim", Enumerable.Range(0, 6).Select(i => Router.Pick(agents, English, AssignmentStrategy.RoundRobin, i % 2 == 0 ? "ana" : "ben", Today).Agent!.Id));
        Assert.Equal("kim", Router.Pick(agents, English with { Named = ["kim"] }, AssignmentStrategy.RoundRobin, null, Today).Agent!.Id);
        Assert.Null(Router.Pick(agents, English with { Named = ["kim"] }, AssignmentStrategy.RoundRobin, null, new DateOnly(2027, 1, 1)).Agent);
    }

    [Fact]
    public void A_manual_queue_assigns_nobody()
    {
        Assert.Null(Router.Pick([Candidate("ana")], English, AssignmentStrategy.Manual, null, Today).Agent);
    }
}
