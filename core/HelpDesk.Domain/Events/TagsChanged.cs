using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

public sealed record TagsChanged(Actor Actor, DateTimeOffset At, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
    : TicketEvent(Actor, At);
