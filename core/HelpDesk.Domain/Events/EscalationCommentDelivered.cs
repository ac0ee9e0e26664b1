using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>The note is on the issue, as the tracker's comment <see cref="ExternalId"/>.</summary>
public sealed record EscalationCommentDelivered(Actor Actor, DateTimeOffset At, string EscalationId, string CommentId, string ExternalId) : TicketEvent(Actor, At);
