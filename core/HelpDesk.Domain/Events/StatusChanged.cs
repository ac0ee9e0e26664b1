using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

public sealed record StatusChanged(Actor Actor, DateTimeOffset At, TicketStatus From, TicketStatus To) : TicketEvent(Actor, At);
