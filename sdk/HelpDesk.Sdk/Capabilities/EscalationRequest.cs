using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Capabilities;

/// <summary>An issue to create for a ticket. Optional members may be added over time.</summary>
/// <param name="Ticket">The ticket being escalated.</param>
/// <param name="Summary">The issue's title.</param>
/// <param name="Description">What engineering should know: the problem, the customer impact; plain text.</param>
/// <param name="IdempotencyKey">The same for every attempt at this escalation; put it where a retry can search for it (a label).</param>
public sealed record EscalationRequest(TicketSnapshot Ticket, string Summary, string Description, string IdempotencyKey)
{
    /// <summary>Where the issue goes (a Jira project key, a GitHub repository); null for the plugin's configured default.</summary>
    public string? Project { get; init; }

    /// <summary>The kind of issue (<c>Bug</c>, <c>Task</c>); null for the plugin's configured default.</summary>
    public string? IssueType { get; init; }

    /// <summary>Labels to add besides the plugin's own.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Where an engineer opens the ticket in the hub, for a link back.</summary>
    public string? TicketUrl { get; init; }

    /// <summary>The agent who escalated it, by display name.</summary>
    public string? RequestedBy { get; init; }
}
