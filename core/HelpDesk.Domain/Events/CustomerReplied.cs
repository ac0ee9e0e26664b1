using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

public sealed record CustomerReplied(Actor Actor, DateTimeOffset At, string Body) : TicketEvent(Actor, At);
