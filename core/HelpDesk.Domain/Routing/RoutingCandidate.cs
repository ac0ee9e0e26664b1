namespace HelpDesk.Domain.Routing;

/// <summary>An agent as the router sees them at one moment: their profile, presence and open tickets.</summary>
public sealed record RoutingCandidate(Agent Agent, Presence Presence, int OpenTickets)
{
    public bool HasRoom => OpenTickets < Agent.Capacity;

    /// <summary>The share of capacity in use; an agent with no capacity is always full.</summary>
    public double Load => Agent.Capacity <= 0 ? double.PositiveInfinity : (double)OpenTickets / Agent.Capacity;
}

/// <summary>What the ticket being assigned asks of its agent.</summary>
/// <param name="Language">The requester's language (<c>ko-KR</c>); preferred, not required, when nobody eligible speaks it.</param>
/// <param name="Skills">Skills the agent must have (all of them).</param>
/// <param name="OnlineOnly">Only agents who are online now.</param>
/// <param name="Named">Agents a rule names: the only ones occasional agents can be picked as.</param>
public sealed record RoutingRequest(string? Language, IReadOnlyList<string> Skills, bool OnlineOnly = true, IReadOnlyList<string>? Named = null);
