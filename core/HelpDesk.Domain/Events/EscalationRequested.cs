using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>An agent (or a rule) asked for the ticket to be escalated; the escalation worker acts on this event.</summary>
public sealed record EscalationRequested(
    Actor Actor,
    DateTimeOffset At,
    string EscalationId,
    string Target,
    string? Project,
    string? IssueType,
    string? Summary,
    string? Note,
    string? LinkKey) : TicketEvent(Actor, At);
