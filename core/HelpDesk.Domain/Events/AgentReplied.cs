using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>A public answer from an agent: the customer sees it.</summary>
public sealed record AgentReplied(Actor Actor, DateTimeOffset At, string Body) : TicketEvent(Actor, At);
