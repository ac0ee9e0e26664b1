using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>
/// An attempt at the escalation failed. <see cref="Final"/> false: the hub retries (recorded once, when it starts
/// failing); true: it cannot succeed and is abandoned.
/// </summary>
public sealed record EscalationFailed(Actor Actor, DateTimeOffset At, string EscalationId, string Reason, bool Final) : TicketEvent(Actor, At);
