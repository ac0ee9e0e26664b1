namespace HelpDesk.Domain.Routing;

/// <summary>A group of agents tickets are routed to (Zendesk's groups, Freshdesk's groups).</summary>
/// <param name="Id">Stable id (<c>billing</c>), what tickets name as their queue.</param>
/// <param name="Name">Display name.</param>
/// <param name="Members">Ids of the agents in it.</param>
/// <param name="Strategy">How a ticket entering it unassigned gets an agent.</param>
public sealed record Queue(string Id, string Name, IReadOnlyList<string> Members, AssignmentStrategy Strategy)
{
    /// <summary>Whether only online agents are picked (default); off, away and offline agents are picked too.</summary>
    public bool OnlineOnly { get; init; } = true;

    /// <summary>Skills every agent picked for this queue must have.</summary>
    public IReadOnlyList<string> RequiredSkills { get; init; } = [];
}
