using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>New owner and queue; null means unassigned.</summary>
public sealed record Assigned(Actor Actor, DateTimeOffset At, string? Assignee, string? Queue) : TicketEvent(Actor, At)
{
    /// <summary>Why, when automation chose (<c>round-robin, speaks ko</c>); null for a person's choice.</summary>
    public string? Reason { get; init; }
}
