using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>A note between agents: never shown to, nor searchable by, the customer.</summary>
public sealed record InternalNoteAdded(Actor Actor, DateTimeOffset At, string Body) : TicketEvent(Actor, At);
