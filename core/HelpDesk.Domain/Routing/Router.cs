namespace HelpDesk.Domain.Routing;

/// <summary>
/// Picks an agent for a ticket, and says why, without side effects: the caller (a queue's grain) owns the rotation
/// cursor and records the assignment. Eligibility first (kind, access dates, presence, skills, capacity for
/// least-loaded), then language preference (those who speak the requester's language, when any eligible agent
/// does), then the strategy.
/// </summary>
public static class Router
{
    public static RoutingDecision Pick(
        IReadOnlyList<RoutingCandidate> candidates, RoutingRequest request, AssignmentStrategy strategy, string? lastAssigned, DateOnly today)
    {
        if (strategy == AssignmentStrategy.Manual)
        {
            return RoutingDecision.Nobody("the queue assigns manually");
        }

        var eligible = candidates
            .Where(c => c.Agent.Kind == AgentKind.Full || (request.Named?.Contains(c.Agent.Id, StringComparer.OrdinalIgnoreCase) ?? false))
            .Where(c => request.Named is not { Count: > 0 } named || named.Contains(c.Agent.Id, StringComparer.OrdinalIgnoreCase))
            .Where(c => c.Agent.HasAccessOn(today))
            .Where(c => !request.OnlineOnly || c.Presence == Presence.Online)
            .Where(c => c.Agent.HasSkills(request.Skills))
            .Where(c => strategy != AssignmentStrategy.LeastLoaded || c.HasRoom)
            .OrderBy(c => c.Agent.Id, StringComparer.Ordinal)
            .ToList();
        if (eligible.Count == 0)
        {
            return RoutingDecision.Nobody(NobodyReason(request, strategy));
        }

        var speakers = eligible.FindAll(c => c.Agent.Speaks(request.Language));
        var pool = speakers.Count > 0 ? speakers : eligible;
        var languageNote = request.Language is null ? "" : speakers.Count > 0 ? $", speaks {request.Language}" : $", nobody eligible speaks {request.Language}";
        return strategy switch
        {
            AssignmentStrategy.RoundRobin => RoutingDecision.To(NextAfter(pool, lastAssigned), $"round-robin{languageNote}"),
            _ => LeastLoaded(pool, languageNote),
        };
    }

    private static Agent NextAfter(List<RoutingCandidate> pool, string? lastAssigned)
    {
        // The next id after the last one assigned, wrapping: stable when agents join or leave the pool.
        var next = lastAssigned is null ? null : pool.Find(c => string.CompareOrdinal(c.Agent.Id, lastAssigned) > 0);
        return (next ?? pool[0]).Agent;
    }

    private static RoutingDecision LeastLoaded(List<RoutingCandidate> pool, string languageNote)
    {
        var least = pool.OrderBy(c => c.Load).ThenBy(c => c.OpenTickets).ThenBy(c => c.Agent.Id, StringComparer.Ordinal).First();
        return RoutingDecision.To(least.Agent, $"least loaded ({least.OpenTickets} of {least.Agent.Capacity} open){languageNote}");
    }

    private static string NobodyReason(RoutingRequest request, AssignmentStrategy strategy)
    {
        var wants = new List<string>();
        if (request.OnlineOnly)
        {
            wants.Add("online");
        }

        if (request.Skills.Count > 0)
        {
            wants.Add($"with {string.Join(", ", request.Skills)}");
        }

        if (strategy == AssignmentStrategy.LeastLoaded)
        {
            wants.Add("below capacity");
        }

        return $"no agent {string.Join(", ", wants.DefaultIfEmpty("eligible"))}";
    }
}

/// <summary>Who the router picked, or nobody, and why in words an agent reads on the ticket.</summary>
public sealed record RoutingDecision(Agent? Agent, string Reason)
{
    public static RoutingDecision To(Agent agent, string reason) => new(agent, reason);

    public static RoutingDecision Nobody(string reason) => new(null, reason);
}
