using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>An agent's note for engineering, to be added as a comment on the escalation's issue.</summary>
public sealed record EscalationCommentAdded(Actor Actor, DateTimeOffset At, string EscalationId, string CommentId, string Body) : TicketEvent(Actor, At);
