using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>The escalation's issue exists; the ticket is linked to it (as by <see cref="ExternalIssueLinked"/>).</summary>
public sealed record Escalated(Actor Actor, DateTimeOffset At, string EscalationId, ExternalLink Link) : TicketEvent(Actor, At);
