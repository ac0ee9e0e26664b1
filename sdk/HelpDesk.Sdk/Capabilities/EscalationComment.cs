using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Capabilities;

/// <summary>A comment to add to an escalated issue. Optional members may be added over time.</summary>
/// <param name="Issue">The issue.</param>
/// <param name="Ticket">The number of the ticket it is escalated from.</param>
/// <param name="Body">The comment, plain text.</param>
/// <param name="IdempotencyKey">The same for every attempt at this comment (the hub uses the ticket and the event's version).</param>
public sealed record EscalationComment(ExternalReference Issue, long Ticket, string Body, string IdempotencyKey)
{
    /// <summary>Who wrote it in the hub, by display name.</summary>
    public string? Author { get; init; }
}
