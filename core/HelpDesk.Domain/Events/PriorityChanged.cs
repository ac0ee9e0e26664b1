using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>Impact and urgency are set when the priority came from the matrix, null when an agent chose it.</summary>
public sealed record PriorityChanged(Actor Actor, DateTimeOffset At, Priority From, Priority To, Impact? Impact, Urgency? Urgency)
    : TicketEvent(Actor, At);
