using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>
/// One change to a ticket, with who made it and when. Events are facts: once stored they are never
/// changed, and each keeps a stable name (see <see cref="TicketEventTypes"/>) so old logs stay readable.
/// </summary>
public abstract record TicketEvent(Actor Actor, DateTimeOffset At);
